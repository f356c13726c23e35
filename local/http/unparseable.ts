import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { AwsError } from '../errors';
import { s3ErrorResponse } from './xmlProtocol';

/** S3's answers to a request its front end cannot parse (ErrorResponses.html), by Node's parser error. */
function errorFor(code: string | undefined): AwsError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new AwsError('RequestHeaderSectionTooLarge', 'Your request header section exceeds the maximum allowed size.', 400);
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new AwsError('RequestTimeout', 'Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.', 400);
  }
  return new AwsError('BadRequest', 'An error occurred when parsing the HTTP request.', 400);
}

/**
 * `clientError`: requests Node's HTTP parser refuses (a byte no path or header may hold, an unknown method,
 * too many header bytes) never reach dispatch, and Node would answer a bare 400 with no body. They are
 * answered as S3 answers a request it cannot parse — an XML error document — and the connection is closed.
 * Unconfirmed for the Cognito endpoints, which cannot be told apart before the request is parsed.
 */
export function answerUnparseable(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const requestId = randomUUID();
  const body = Buffer.from(s3ErrorResponse(errorFor(error.code), requestId).body ?? '');
  const head =
    'HTTP/1.1 400 Bad Request\r\ncontent-type: application/xml\r\n' +
    `content-length: ${body.length}\r\nx-amz-request-id: ${requestId}\r\nconnection: close\r\n\r\n`;
  socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
}
