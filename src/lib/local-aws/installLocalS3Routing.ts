import { setFetchableUrlRewrite } from '../storage/toFetchableUrl';
import { rewriteS3Url } from './rewriteS3Url';

/**
 * LOCAL MODE ONLY — loaded with a dynamic `import()` behind `import.meta.env.VITE_LOCAL_AWS_ENDPOINT`, so a
 * production build contains none of it. Routes Amplify Storage's S3 requests to the emulator (see
 * rewriteS3Url.ts for why and how):
 *
 * - In browsers Amplify sends S3 requests with XMLHttpRequest (its package `browser` field maps the fetch
 *   transfer handler to the XHR one), creating the XHR and calling `open(method, url)` at request time,
 *   so patching `XMLHttpRequest.prototype.open` catches list calls.
 * - Where the fetch handler is used instead (Node, tests), Amplify calls the global `fetch` at call time,
 *   so the wrapped `window.fetch` catches those.
 * - Presigned `getUrl` URLs never pass through either: galleries apply `toFetchableUrl` before `<img src>`.
 *
 * Requests to anything but the configured buckets are left untouched.
 */
interface LocalS3 {
  endpoint: string;
  region: string;
  buckets: readonly string[];
}

const INSTALLED = Symbol.for('gallery.localS3Routing');

type Open = (this: XMLHttpRequest, method: string, url: string | URL, async?: boolean, user?: string | null, password?: string | null) => void;

export function installLocalS3Routing({ endpoint, region, buckets }: LocalS3, scope: typeof globalThis = globalThis): void {
  const names = new Set(buckets);
  const redirect = (input: string | URL): string | undefined => {
    try {
      return rewriteS3Url(new URL(String(input)), endpoint, region, names);
    } catch {
      return undefined;
    }
  };
  setFetchableUrlRewrite((url) => redirect(url));

  const marked = scope as typeof globalThis & { [INSTALLED]?: boolean };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;

  if (scope.XMLHttpRequest) {
    const proto = scope.XMLHttpRequest.prototype;
    const open = proto.open as Open;
    const routedOpen: Open = function (method, url, async = true, user, password) {
      open.call(this, method, redirect(url) ?? url, async, user, password);
    };
    proto.open = routedOpen as XMLHttpRequest['open'];
  }

  if (scope.fetch) {
    const fetch = scope.fetch.bind(scope);
    scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const target = redirect(input instanceof Request ? input.url : input);
      if (!target) return fetch(input, init);
      return input instanceof Request ? fetch(new Request(target, input), init) : fetch(target, init);
    };
  }
}
