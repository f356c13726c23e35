import type { BrowserContext, Page, Request, Response } from 'playwright-core';

/**
 * The AWS requests a browser sends to the emulator, named by operation, as the e2e tests and the request
 * benchmark count them. Counted where the browser sends them (page/context `request` events), not in the
 * emulator: what is measured is what the app asks for. CORS preflights are the browser's, not the app's,
 * and are left out.
 */
export interface AwsCall {
  /** e.g. `InitiateAuth USER_SRP_AUTH`, `GetCredentialsForIdentity`, `ListObjectsV2 local-cat-photos`. */
  operation: string;
  /** Index of the tab that sent it, in the order the context's tabs were opened. */
  tab: number;
  /** Milliseconds since the tracker started. */
  at: number;
}

export interface AwsFailure {
  operation: string;
  status: number;
  /** Cognito's `x-amzn-ErrorType` without its trailing colon; empty for S3 (its code is in the XML body). */
  errorType: string;
  url: string;
}

export interface AwsTraffic {
  readonly calls: readonly AwsCall[];
  /** A position in the log: `count(op, mark)` counts only what came after. */
  mark(): number;
  count(operation: string | RegExp, since?: number): number;
  /** Calls per operation since the mark, in first-seen order. */
  byOperation(since?: number): Map<string, number>;
  /** Answers with an HTTP error status, in order (the browser logs each one as a console error). */
  readonly failures: readonly AwsFailure[];
  /** Access key ids of the credentials handed out, in order (not secret: the app shows their last 4). */
  readonly accessKeyIds: readonly string[];
  /** Secrets the emulator handed out (secret keys, session tokens, refresh tokens), for leak checks. */
  readonly secrets: ReadonlySet<string>;
  stop(): void;
}

/** The operation of one request to the emulator, or undefined for anything else (the app's own files). */
export function classifyAwsRequest(request: Request, emulatorUrl: string): string | undefined {
  const url = new URL(request.url());
  if (url.origin !== new URL(emulatorUrl).origin || request.method() === 'OPTIONS') return undefined;
  const target = request.headers()['x-amz-target'];
  if (target) {
    const action = target.slice(target.indexOf('.') + 1);
    if (action === 'InitiateAuth') return `InitiateAuth ${authFlowOf(request) ?? '(no AuthFlow)'}`;
    return action;
  }
  if (url.pathname.startsWith('/_local/')) return `local ${url.pathname}`;
  if (url.pathname.endsWith('/.well-known/jwks.json')) return 'GET JWKS';
  const bucket = decodeURIComponent(url.pathname.split('/')[1] ?? '');
  if (request.method() === 'GET' && url.searchParams.get('list-type') === '2')
    return `ListObjectsV2 ${bucket}`;
  if (request.method() === 'GET' && url.searchParams.has('X-Amz-Signature')) return `GetObject ${bucket}`;
  return `${request.method()} ${url.pathname.split('/').slice(0, 2).join('/') || '/'}`;
}

function authFlowOf(request: Request): string | undefined {
  try {
    const body = JSON.parse(request.postData() ?? '{}') as { AuthFlow?: unknown };
    return typeof body.AuthFlow === 'string' ? body.AuthFlow : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the secrets out of Cognito answers (never printed: only kept to prove they are not printed). */
async function collectSecrets(
  response: Response,
  secrets: Set<string>,
  accessKeyIds: string[],
): Promise<void> {
  const target = response.request().headers()['x-amz-target'] ?? '';
  if (!response.ok()) return;
  if (!/GetCredentialsForIdentity|InitiateAuth|RespondToAuthChallenge|GetTokensFromRefreshToken/.test(target))
    return;
  try {
    const body = (await response.json()) as {
      Credentials?: { AccessKeyId?: string; SecretKey?: string; SessionToken?: string };
      AuthenticationResult?: { RefreshToken?: string; AccessToken?: string; IdToken?: string };
    };
    const found = [
      body.Credentials?.SecretKey,
      body.Credentials?.SessionToken,
      body.AuthenticationResult?.RefreshToken,
      body.AuthenticationResult?.AccessToken,
      body.AuthenticationResult?.IdToken,
    ];
    for (const value of found) if (value) secrets.add(value);
    if (body.Credentials?.AccessKeyId) accessKeyIds.push(body.Credentials.AccessKeyId);
  } catch {
    // An error answer, or the page went away: there is nothing secret to remember.
  }
}

/** Starts counting the AWS requests of one page, or of every page of a context (all tabs together). */
export function trackAwsTraffic(source: Page | BrowserContext, emulatorUrl: string): AwsTraffic {
  const started = Date.now();
  const calls: AwsCall[] = [];
  const secrets = new Set<string>();
  const failures: AwsFailure[] = [];
  const accessKeyIds: string[] = [];
  // Tabs numbered in the order they were opened (the context's page order), as the specs number them.
  const tabOf = (page: Page | null) => (page ? page.context().pages().indexOf(page) : -1);
  const onRequest = (request: Request) => {
    const operation = classifyAwsRequest(request, emulatorUrl);
    if (!operation) return;
    const frame = request.frame();
    calls.push({ operation, tab: tabOf(frame.page()), at: Date.now() - started });
  };
  const onResponse = (response: Response) => {
    const operation = classifyAwsRequest(response.request(), emulatorUrl);
    if (!operation) return;
    if (response.status() >= 400) {
      const errorType = (response.headers()['x-amzn-errortype'] ?? '').split(':')[0] ?? '';
      failures.push({ operation, status: response.status(), errorType, url: response.url() });
    }
    void collectSecrets(response, secrets, accessKeyIds);
  };
  source.on('request', onRequest);
  source.on('response', onResponse);
  const matches = (operation: string | RegExp, call: AwsCall) =>
    typeof operation === 'string' ? call.operation === operation : operation.test(call.operation);
  return {
    calls,
    failures,
    accessKeyIds,
    secrets,
    mark: () => calls.length,
    count: (operation, since = 0) => calls.slice(since).filter((call) => matches(operation, call)).length,
    byOperation: (since = 0) => {
      const counts = new Map<string, number>();
      for (const call of calls.slice(since))
        counts.set(call.operation, (counts.get(call.operation) ?? 0) + 1);
      return counts;
    },
    stop: () => {
      source.off('request', onRequest);
      source.off('response', onResponse);
    },
  };
}
