/**
 * The URL to put in `<img src>` for a presigned `getUrl` result. In production this is the URL itself; in
 * local mode the local adapter (src/lib/local-aws) registers a rewrite to the emulator at start-up. The
 * rewrite is injected rather than imported, so a production bundle carries no local code.
 */
type Rewrite = (url: URL) => string | undefined;

let rewrite: Rewrite | undefined;

export function toFetchableUrl(url: URL): string {
  return rewrite?.(url) ?? url.toString();
}

/** Local mode only (installLocalS3Routing). */
export function setFetchableUrlRewrite(next: Rewrite | undefined): void {
  rewrite = next;
}
