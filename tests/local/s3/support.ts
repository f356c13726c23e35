import { randomBytes } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { TestEmulator } from '../support/startTestEmulator';
import {
  authenticatedRoleArn,
  CREDENTIALS_COLLECTION,
  type TemporaryCredentials,
} from '../../../local/iam/credentials';

/** Credentials an SDK client accepts. */
export interface ClientCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A real S3Client against the emulator, path-style, as the SDK addresses a custom endpoint. */
export function s3Client(
  emu: TestEmulator,
  { accessKeyId, secretAccessKey, sessionToken }: ClientCredentials,
): S3Client {
  return new S3Client({
    endpoint: emu.url,
    forcePathStyle: true,
    region: emu.config.region,
    // Only the three fields: a stored record's numeric `expiration` is not the SDK's Date.
    credentials: { accessKeyId, secretAccessKey, sessionToken },
    maxAttempts: 1,
  });
}

export function adminCredentials(emu: TestEmulator): ClientCredentials {
  return { ...emu.config.admin };
}

/**
 * Mints identity-pool credentials the way GetCredentialsForIdentity stores them (the identity-pool
 * action is tested on its own): an ASIA key, a secret, a session token and an expiry.
 */
export async function mintRoleCredentials(
  emu: TestEmulator,
  overrides: Partial<TemporaryCredentials> = {},
): Promise<TemporaryCredentials & ClientCredentials> {
  const record: TemporaryCredentials = {
    accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: randomBytes(48).toString('base64'),
    expiration: emu.clock.now() + 3_600_000,
    identityId: `${emu.config.region}:${randomBytes(16).toString('hex')}`,
    roleArn: authenticatedRoleArn(emu.deps),
    ...overrides,
  };
  await emu.deps.store.put(CREDENTIALS_COLLECTION, record.accessKeyId, record);
  return record;
}

/** Reads an S3 error document's `<Code>` and the other top-level elements. */
export function parseErrorXml(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<([A-Za-z0-9-]+)>([^<]*)<\/\1>/g)) out[m[1] ?? ''] = m[2] ?? '';
  return out;
}

/** Error fields an SDK v3 S3 exception carries. */
export interface SdkError {
  name: string;
  message: string;
  $metadata: { httpStatusCode?: number };
  Code?: string;
}

export async function sdkError(promise: Promise<unknown>): Promise<SdkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the call to fail');
  // SDK v3 exceptions are Errors carrying these fields; the tests read them as the SDK documents them.
  return error as Error & SdkError;
}

export interface SignedFetchInput {
  method: string;
  /** Path and query as sent to the emulator, already encoded. */
  path: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
  credentials: ClientCredentials;
  /**
   * Sign for another address than the one the request goes to (the app's local adapter signs for
   * `https://{bucket}.s3.{region}.amazonaws.com` and sends to the emulator).
   */
  signFor?: { host: string; path: string };
  signingDate?: Date;
  /** The signed `x-amz-content-sha256`; UNSIGNED-PAYLOAD unless given. */
  payloadHash?: string;
}

/**
 * A request signed with the SDK's own SignatureV4 and sent with fetch(), for what the S3 client will not
 * send (no Content-Type, an invalid bucket name, a different signing host).
 */
export async function signedFetch(emu: TestEmulator, input: SignedFetchInput): Promise<Response> {
  const sent = new URL(input.path, emu.url);
  const signTarget = input.signFor ? new URL(input.signFor.path, `https://${input.signFor.host}`) : sent;
  const query: Record<string, string> = {};
  for (const [k, v] of signTarget.searchParams) query[k] = v;
  const body = input.body ?? new Uint8Array();
  const signer = new SignatureV4({
    service: 's3',
    region: emu.config.region,
    credentials: input.credentials,
    sha256: Sha256,
    uriEscapePath: false,
  });
  const signed = await signer.sign(
    {
      method: input.method,
      protocol: signTarget.protocol,
      hostname: signTarget.hostname,
      path: signTarget.pathname,
      query,
      headers: {
        ...input.headers,
        host: signTarget.host,
        'x-amz-content-sha256': input.payloadHash ?? 'UNSIGNED-PAYLOAD',
      },
      body,
    },
    { signingDate: input.signingDate ?? new Date(emu.clock.now()) },
  );
  const { host: _host, ...headers } = signed.headers;
  return fetch(sent, {
    method: input.method,
    headers,
    // A copy backed by a plain ArrayBuffer, which is what fetch's BodyInit accepts.
    body: input.method === 'GET' || input.method === 'HEAD' ? undefined : new Uint8Array(body),
  });
}

/** The body of a GetObject answer as text; fails the test when there is none. */
export async function bodyText(output: { Body?: { transformToString(): Promise<string> } }): Promise<string> {
  if (!output.Body) throw new Error('the answer has no body');
  return output.Body.transformToString();
}
