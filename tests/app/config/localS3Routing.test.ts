import { afterEach, describe, expect, it, vi } from 'vitest';
import { installLocalS3Routing } from '../../../src/lib/local-aws/installLocalS3Routing';
import { rewriteS3Url } from '../../../src/lib/local-aws/rewriteS3Url';
import { setFetchableUrlRewrite, toFetchableUrl } from '../../../src/lib/storage/toFetchableUrl';

const ENDPOINT = 'http://127.0.0.1:4566';
const BUCKETS = new Set(['local-cat-photos', 'cats.example.org']);
const rewrite = (url: string) => rewriteS3Url(new URL(url), ENDPOINT, 'ap-northeast-1', BUCKETS);

afterEach(() => setFetchableUrlRewrite(undefined));

describe('local S3 routing (local mode only)', () => {
  it('sends a virtual-hosted request to the emulator, path and signed query untouched', () => {
    const signed =
      'https://local-cat-photos.s3.ap-northeast-1.amazonaws.com/kittens/a%20b%2Bc.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc%2F';
    expect(rewrite(signed)).toBe(
      'http://127.0.0.1:4566/local-cat-photos/kittens/a%20b%2Bc.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc%2F',
    );
    expect(rewrite('https://local-cat-photos.s3.ap-northeast-1.amazonaws.com/?list-type=2&encoding-type=url')).toBe(
      'http://127.0.0.1:4566/local-cat-photos/?list-type=2&encoding-type=url',
    );
  });

  it('handles the path-style form Amplify uses for bucket names with dots', () => {
    expect(rewrite('https://s3.ap-northeast-1.amazonaws.com/cats.example.org/tabby.jpg?x=1')).toBe(
      'http://127.0.0.1:4566/cats.example.org/tabby.jpg?x=1',
    );
  });

  it('leaves everything else alone: other buckets, other regions, other hosts', () => {
    expect(rewrite('https://someone-else.s3.ap-northeast-1.amazonaws.com/x.jpg')).toBeUndefined();
    expect(rewrite('https://local-cat-photos.s3.us-east-1.amazonaws.com/x.jpg')).toBeUndefined();
    expect(rewrite('https://cognito-idp.ap-northeast-1.amazonaws.com/')).toBeUndefined();
    expect(rewrite('http://local-cat-photos.s3.ap-northeast-1.amazonaws.com/x.jpg')).toBeUndefined();
  });

  it('patches XMLHttpRequest (Amplify’s browser transport), fetch, and presigned URLs for <img>', async () => {
    const opened: string[] = [];
    class FakeXhr {
      open(_method: string, url: string | URL) {
        opened.push(String(url));
      }
    }
    const fetched: string[] = [];
    const scope = {
      XMLHttpRequest: FakeXhr,
      fetch: vi.fn(async (input: RequestInfo | URL) => {
        fetched.push(input instanceof Request ? input.url : String(input));
        return new Response('');
      }),
    } as unknown as typeof globalThis;
    installLocalS3Routing({ endpoint: ENDPOINT, region: 'ap-northeast-1', buckets: ['local-cat-photos'] }, scope);

    new scope.XMLHttpRequest().open('GET', 'https://local-cat-photos.s3.ap-northeast-1.amazonaws.com/?list-type=2');
    new scope.XMLHttpRequest().open('GET', 'https://example.org/other');
    await scope.fetch(new URL('https://local-cat-photos.s3.ap-northeast-1.amazonaws.com/?list-type=2'));
    await scope.fetch(new Request('https://local-cat-photos.s3.ap-northeast-1.amazonaws.com/a.jpg'));
    expect(opened).toEqual(['http://127.0.0.1:4566/local-cat-photos/?list-type=2', 'https://example.org/other']);
    expect(fetched).toEqual(['http://127.0.0.1:4566/local-cat-photos/?list-type=2', 'http://127.0.0.1:4566/local-cat-photos/a.jpg']);
    expect(toFetchableUrl(new URL('https://local-cat-photos.s3.ap-northeast-1.amazonaws.com/a.jpg?X-Amz-Signature=1'))).toBe(
      'http://127.0.0.1:4566/local-cat-photos/a.jpg?X-Amz-Signature=1',
    );
  });

  it('is the identity in production, where nothing registers a rewrite', () => {
    const url = 'https://local-cat-photos.s3.ap-northeast-1.amazonaws.com/a.jpg?X-Amz-Signature=1';
    expect(toFetchableUrl(new URL(url))).toBe(url);
  });
});
