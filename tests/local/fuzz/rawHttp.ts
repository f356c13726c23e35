import net from 'node:net';

/** A request written byte for byte: repeated headers, raw path bytes, any body. */
export interface RawRequest {
  method: string;
  /** Sent as latin1 bytes, so a fuzz case may put bytes that are not UTF-8 in the path. */
  target: string;
  headers: [string, string][];
  body: Buffer;
}

export type RawResult =
  | { kind: 'answer'; status: number; headers: Map<string, string>; body: Buffer }
  | { kind: 'hangup'; bytes: number; error?: string }
  | { kind: 'timeout' };

function decodeChunked(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < data.length) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd === -1) break;
    const size = parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function parse(data: Buffer): RawResult {
  const end = data.indexOf('\r\n\r\n');
  if (end === -1) return { kind: 'hangup', bytes: data.length };
  const [statusLine = '', ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  if (!Number.isFinite(status)) return { kind: 'hangup', bytes: data.length };
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  const rest = data.subarray(end + 4);
  const body = headers.get('transfer-encoding')?.includes('chunked') ? decodeChunked(rest) : rest;
  return { kind: 'answer', status, headers, body };
}

/**
 * Sends one request on a fresh connection (`Connection: close`) and reads until the server closes it:
 * what a hang-up looks like is then visible, rather than hidden behind a client library's retries.
 */
export function sendRaw(port: number, request: RawRequest, timeoutMs = 20_000): Promise<RawResult> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (result: RawResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish(parse(Buffer.concat(chunks))));
    socket.on('error', (error) => {
      const data = Buffer.concat(chunks);
      // A server that answered and then reset the socket still answered.
      const parsed = parse(data);
      finish(parsed.kind === 'answer' ? parsed : { kind: 'hangup', bytes: data.length, error: error.message });
    });
    const head =
      `${request.method} ${request.target} HTTP/1.1\r\n` +
      `host: 127.0.0.1:${port}\r\n` +
      request.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('') +
      `content-length: ${request.body.length}\r\nconnection: close\r\n\r\n`;
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), request.body]));
  });
}
