import type { AwsError } from '../errors';
import type { LocalResponse } from './types';

/** Escapes text for XML element content and attribute values. */
export function xmlEscape(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

/**
 * S3's error document: `<Error><Code/><Message/>…<RequestId/><HostId/></Error>`, with the extra
 * fields some errors carry. HEAD answers have no body (the server drops it), only the status.
 */
export function s3ErrorResponse(error: AwsError, requestId: string): LocalResponse {
  const extra = Object.entries(error.extra)
    .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
    .join('');
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${xmlEscape(error.code)}</Code><Message>${xmlEscape(error.message)}</Message>${extra}` +
    `<RequestId>${requestId}</RequestId><HostId>local</HostId></Error>`;
  return {
    status: error.status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': 'local' },
    body,
  };
}
