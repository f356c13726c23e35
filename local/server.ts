import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { EmulatorConfig } from './config';
import type { Clock } from './clock';
import type { Logger } from './log';
import type { Store } from './store/store';
import type { LocalRequest, LocalResponse } from './http/types';
import { createRoutes } from './routes';
import { answerUnparseable } from './http/unparseable';
import type { EmulatorDeps } from './deps';

/** Bodies beyond this are refused before they are read to the end (S3's own PutObject limit is 5 GB). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  deps: EmulatorDeps;
  close(): Promise<void>;
}

export class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function toLocalRequest(req: http.IncomingMessage, body: Buffer, fallbackOrigin: string): LocalRequest {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const rawQuery = q === -1 ? '' : rawUrl.slice(q + 1);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    rawPath,
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers,
    body,
    origin: headers.host ? `http://${headers.host}` : fallbackOrigin,
    requestId: randomUUID(),
  };
}

function send(res: http.ServerResponse, response: LocalResponse, clock: Clock, method: string): void {
  if (response.destroySocket) {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = { date: new Date(clock.now()).toUTCString(), ...response.headers };
  const body = response.body === undefined ? undefined : Buffer.from(response.body);
  if (body && !headers['content-length']) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  // HEAD answers carry the headers of the GET they mirror, never a body.
  res.end(method === 'HEAD' ? undefined : body);
}

export interface StartOptions {
  config: EmulatorConfig;
  clock: Clock;
  logger: Logger;
  store: Store;
  /** Runs after the services are built and before the port opens (the seed), so health means ready. */
  prepare?: (deps: EmulatorDeps) => Promise<void>;
}

export async function startEmulator(options: StartOptions): Promise<RunningEmulator> {
  const { config, clock, logger } = options;
  const { dispatch, fail, deps } = await createRoutes(options);
  await options.prepare?.(deps);
  let fallbackOrigin = `http://${config.host}:${config.port}`;

  const server = http.createServer((req, res) => {
    readBody(req)
      .then(
        (body) => dispatch(toLocalRequest(req, body, fallbackOrigin)),
        (error: unknown) => fail(toLocalRequest(req, Buffer.alloc(0), fallbackOrigin), error),
      )
      .then((response) => send(res, response, clock, (req.method ?? '').toUpperCase()))
      .catch((error: unknown) => {
        logger.warn('response failed', { error: String(error) });
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  // Idle keep-alive connections stay open 65 s (Node's default is 5 s). Node's http.Agent, which the AWS
  // SDK uses, ignores the `Keep-Alive: timeout` hint unless it has a timeout of its own, so it reuses a
  // socket at the very moment the server closes it and the call fails with ECONNRESET (34 of 6,883
  // no-retry calls in `npm run load` with 5 s). AWS endpoints keep idle connections far longer than 5 s.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('clientError', answerUnparseable);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  fallbackOrigin = `http://${config.host}:${port}`;
  deps.endpoint = fallbackOrigin;

  return {
    url: fallbackOrigin,
    port,
    deps,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await deps.store.flush();
    },
  };
}
