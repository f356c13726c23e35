import type { Page, Request } from 'playwright-core';

/** One signed S3 request the page sent: which access key signed it, and when (ms since recording began). */
export interface SignedS3Request {
  operation: 'ListObjectsV2' | 'GetObject';
  accessKeyId: string;
  at: number;
}

/** The access key of a SigV4 request: the presigned URL's X-Amz-Credential, or the Authorization header's. */
function accessKeyOf(request: Request, url: URL): string {
  const credential =
    url.searchParams.get('X-Amz-Credential') ??
    /Credential=([^,]+)/.exec(request.headers().authorization ?? '')?.[1] ??
    '';
  return credential.split('/')[0] ?? '';
}

/**
 * Records the S3 requests a page sends to the emulator with the key that signed each, so a spec can say
 * "every S3 request after the wake-up carried the new credentials".
 */
export function recordSignedS3Requests(page: Page, emulatorUrl: string): SignedS3Request[] {
  const started = Date.now();
  const origin = new URL(emulatorUrl).origin;
  const seen: SignedS3Request[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin || request.method() !== 'GET' || request.headers()['x-amz-target']) return;
    if (url.pathname.startsWith('/_local/') || url.pathname.includes('/.well-known/')) return;
    const operation = url.searchParams.get('list-type') === '2' ? 'ListObjectsV2' : 'GetObject';
    seen.push({ operation, accessKeyId: accessKeyOf(request, url), at: Date.now() - started });
  });
  return seen;
}
