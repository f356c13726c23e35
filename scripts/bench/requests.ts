import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_USER } from '../../local/seed/users';
import { trackAwsTraffic, type AwsTraffic } from '../harness/awsTraffic';
import { launchChromium } from '../harness/browser';
import { startStack } from '../harness/stack';

/**
 * The request budgets of issue 3, measured in real Chromium against `npm start`:
 * (a) from pressing Sign in to both galleries listed — 2 SRP, 1 GetId, 1 GetCredentialsForIdentity,
 *     1 ListObjectsV2 per gallery, none repeated (the dev server runs React in StrictMode);
 * (b) one expiry with three tabs open — 1 token refresh and 1 credentials exchange in total.
 * Requests are counted where the browser sends them (every tab of the context), CORS preflights excluded.
 */
export interface SignInFigures {
  /** Operation → count, from the click to both galleries showing their listing (image loads aside). */
  flow: Map<string, number>;
  /** Requests (other than image loads) in the moment after, where a repeated call would show up. */
  after: Map<string, number>;
  /** Thumbnail loads from the click to the end of that moment: not part of the budget, shown for scale. */
  imageLoads: number;
  ms: number;
}

export interface ExpiryFigures {
  tabs: number;
  refreshes: number;
  credentialExchanges: number;
  /** Every non-image request from the expiry on, with the tab that sent it. */
  calls: string[];
}

const TTL_SECONDS = 40;
const AFTER_MS = 2_000;
/** Longer than a tab waits for another tab's shared credentials (2 s) before fetching its own. */
const SETTLE_MS = 3_000;
const REFRESH = /^(GetTokensFromRefreshToken|InitiateAuth REFRESH_TOKEN_AUTH)$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isNotImage = (operation: string) => !operation.startsWith('GetObject ');

/** Non-image requests per operation between two marks of the log. */
function between(traffic: AwsTraffic, from: number, to: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { operation } of traffic.calls.slice(from, to)) {
    if (isNotImage(operation)) counts.set(operation, (counts.get(operation) ?? 0) + 1);
  }
  return counts;
}

async function galleriesListed(page: Page): Promise<void> {
  for (const name of ['Cat photos', 'Dog photos']) {
    await page
      .getByRole('region', { name, exact: true })
      .getByRole('status')
      .getByText(/\d+ images/)
      .waitFor({ timeout: 60_000 });
  }
}

async function signIn(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByLabel('Email').fill(DEMO_USER.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function measureSignIn(
  context: BrowserContext,
  appUrl: string,
  emulatorUrl: string,
): Promise<SignInFigures> {
  const traffic = trackAwsTraffic(context, emulatorUrl);
  const page = await context.newPage();
  await page.goto(appUrl);
  await page.getByLabel('Email').fill(DEMO_USER.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_USER.password);
  const clicked = traffic.mark();
  const started = Date.now();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await galleriesListed(page);
  const ms = Date.now() - started;
  const listed = traffic.mark();
  await sleep(AFTER_MS);
  traffic.stop();
  return {
    flow: between(traffic, clicked, listed),
    after: between(traffic, listed, traffic.mark()),
    imageLoads: traffic.count(/^GetObject /, clicked),
    ms,
  };
}

async function measureExpiry(
  context: BrowserContext,
  appUrl: string,
  emulatorUrl: string,
): Promise<ExpiryFigures> {
  const traffic = trackAwsTraffic(context, emulatorUrl);
  const first = await context.newPage();
  await signIn(first, appUrl);
  await galleriesListed(first);
  const tabs = [first];
  for (let i = 1; i < 3; i += 1) {
    const tab = await context.newPage();
    await tab.goto(appUrl);
    tabs.push(tab);
  }
  for (const tab of tabs) await galleriesListed(tab);
  if (traffic.count(REFRESH) > 0) throw new Error('the tokens were renewed before all tabs were open');
  const beforeExpiry = traffic.mark();
  const renewed = /^Session renewed( in another tab)? — valid until/;
  await Promise.all(
    tabs.map((tab) =>
      tab
        .getByRole('status')
        .filter({ hasText: renewed })
        .waitFor({ timeout: (TTL_SECONDS + 30) * 1000 }),
    ),
  );
  await sleep(SETTLE_MS);
  traffic.stop();
  return {
    tabs: tabs.length,
    refreshes: traffic.count(REFRESH, beforeExpiry),
    credentialExchanges: traffic.count('GetCredentialsForIdentity', beforeExpiry),
    calls: traffic.calls
      .slice(beforeExpiry)
      .filter((call) => !call.operation.startsWith('GetObject '))
      .map((call) => `tab ${call.tab}: ${call.operation}`),
  };
}

/** Starts `npm start` with 40-second tokens and credentials, measures (a) then (b), and stops everything. */
export async function measureRequests(): Promise<{ signIn: SignInFigures; expiry: ExpiryFigures }> {
  const stack = await startStack({
    TOKEN_TTL_SECONDS: String(TTL_SECONDS),
    CREDENTIALS_TTL_SECONDS: String(TTL_SECONDS),
  });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  try {
    const signInFigures = await measureSignIn(await browser.newContext(), stack.appUrl, stack.emulatorUrl);
    const expiry = await measureExpiry(await browser.newContext(), stack.appUrl, stack.emulatorUrl);
    return { signIn: signInFigures, expiry };
  } finally {
    await browser.close();
    await stack.stop();
  }
}

/** The budget of each operation of the sign-in flow; anything else is outside it. */
function budgetOf(operation: string): number {
  if (operation === 'InitiateAuth USER_SRP_AUTH' || operation === 'RespondToAuthChallenge') return 1;
  if (operation === 'GetId' || operation === 'GetCredentialsForIdentity') return 1;
  if (operation.startsWith('ListObjectsV2 ')) return 1;
  return 0;
}

/** The figures as `npm run bench` prints them. */
export function formatRequestFigures({
  signIn,
  expiry,
}: {
  signIn: SignInFigures;
  expiry: ExpiryFigures;
}): string {
  const lines = [`Requests: Sign in → both galleries listed (demo user, ${signIn.ms} ms)`];
  const outside: string[] = [];
  const repeated: string[] = [];
  for (const [operation, count] of signIn.flow) {
    const budget = budgetOf(operation);
    if (budget === 0) outside.push(operation);
    else if (count > budget) repeated.push(operation);
    const verdict =
      budget === 0 ? 'outside the budget' : count > budget ? `REPEATED (budget ${budget})` : 'ok';
    lines.push(`  ${operation.padEnd(36)} ${String(count).padStart(3)}  ${verdict}`);
  }
  const srp =
    (signIn.flow.get('InitiateAuth USER_SRP_AUTH') ?? 0) + (signIn.flow.get('RespondToAuthChallenge') ?? 0);
  lines.push(`  SRP requests: ${srp} (budget 2)`);
  lines.push(`  repeated (React StrictMode or otherwise): ${repeated.join(', ') || 'none'}`);
  lines.push(`  outside the budget: ${outside.join(', ') || 'none'}`);
  const after = [...signIn.after].map(([op, n]) => `${op} ×${n}`).join(', ') || 'none';
  lines.push(`  in the ${AFTER_MS / 1000} s after listing: ${after}; thumbnail loads: ${signIn.imageLoads}`);
  lines.push(`Requests: one expiry with ${expiry.tabs} tabs open (${TTL_SECONDS} s tokens and credentials)`);
  lines.push(`  token refreshes:         ${expiry.refreshes} (budget 1)`);
  lines.push(`  credentials exchanges:   ${expiry.credentialExchanges} (budget 1)`);
  lines.push(`  requests: ${expiry.calls.join(', ') || 'none'}`);
  return `${lines.join('\n')}\n`;
}
