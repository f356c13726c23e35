import type { Browser, BrowserContext, Page } from 'playwright-core';
import { trackAwsTraffic, type AwsTraffic } from '../../../scripts/harness/awsTraffic';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, launchChromium, recordConsole, screenshot } from '../../../scripts/harness/browser';
import { startStack, type Stack } from '../../../scripts/harness/stack';
import { watchPage, type PageProblem } from './pageProblems';

/**
 * One spec file's world: the real `npm start` (emulator + Vite) with the spec's settings, Debian's
 * Chromium, one browser context (tabs of one browser share its storage, as a user's do) and the counters
 * every spec asserts at the end: AWS requests, console lines, console errors and page errors.
 */
export interface E2eRun {
  readonly stack: Stack;
  readonly context: BrowserContext;
  /** The first tab. */
  readonly page: Page;
  readonly pages: readonly Page[];
  /** Every AWS request of every tab, counted at the context. */
  readonly traffic: AwsTraffic;
  /** Every console line of every tab (any level), for the secret checks. */
  readonly consoleLines: readonly string[];
  /** Console errors, page errors and JavaScript dialogs of every tab. */
  readonly problems: readonly PageProblem[];
  /** Opens another tab in the same context, watched like the first. */
  newTab(): Promise<Page>;
  /**
   * Runs one user-visible step, then saves a screenshot of every tab named after it
   * (test-results/e2e/<spec>--<nn>-<step>[--tab<i>].png); on failure the screenshot is marked FAILED.
   */
  step<T>(name: string, action: () => Promise<T>): Promise<T>;
  /** Screenshots of every tab, e.g. from an `onTestFailed` hook. */
  screenshotAll(name: string): Promise<void>;
  close(): Promise<void>;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export async function startRun(spec: string, env: Record<string, string> = {}): Promise<E2eRun> {
  const stack = await startStack(env);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const traffic = trackAwsTraffic(context, stack.emulatorUrl);
    const consoleLines = recordConsole(context);
    const problems: PageProblem[] = [];
    const pages: Page[] = [];
    const newTab = async () => {
      const page = await context.newPage();
      watchPage(page, problems, pages.length);
      pages.push(page);
      return page;
    };
    const page = await newTab();
    let stepNumber = 0;
    // One tab: the whole page (the session panel included). Several: each tab's viewport, since a
    // full-page shot takes seconds on a busy machine and five of them would hold up a timed step.
    const screenshotAll = async (name: string) => {
      if (pages.length === 1 && pages[0]) {
        await screenshot(pages[0], `${spec}--${name}`).catch(() => undefined);
        return;
      }
      await mkdir(ARTIFACTS, { recursive: true });
      for (const [index, tab] of pages.entries()) {
        if (tab.isClosed()) continue;
        await tab
          .screenshot({ path: path.join(ARTIFACTS, `${spec}--${name}--tab${index}.png`) })
          .catch(() => undefined);
      }
    };
    const openBrowser = browser;
    return {
      stack,
      context,
      page,
      pages,
      traffic,
      consoleLines,
      problems,
      newTab,
      screenshotAll,
      async step<T>(name: string, action: () => Promise<T>): Promise<T> {
        stepNumber += 1;
        const label = `${String(stepNumber).padStart(2, '0')}-${slug(name)}`;
        try {
          const result = await action();
          await screenshotAll(label);
          return result;
        } catch (error) {
          await screenshotAll(`${label}-FAILED`);
          throw new Error(
            `step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`,
            {
              cause: error,
            },
          );
        }
      },
      async close() {
        traffic.stop();
        await openBrowser.close().catch(() => undefined);
        await stack.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await stack.stop();
    throw error;
  }
}
