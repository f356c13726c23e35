import type { Page } from 'playwright-core';

/**
 * A console error, an uncaught page error, or a JavaScript dialog (`alert()` from an object key that
 * escaped into HTML would be one). Kept with where it came from, so an expected failed request can be
 * told apart from everything else.
 */
export interface PageProblem {
  kind: 'console.error' | 'pageerror' | 'dialog';
  text: string;
  /** For console messages: the script or resource the message is about (a failed request's URL). */
  url: string;
  tab: number;
}

export function watchPage(page: Page, problems: PageProblem[], tab: number): void {
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push({ kind: 'console.error', text: message.text(), url: message.location().url, tab });
    }
  });
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: error.message, url: '', tab }));
  page.on('dialog', (dialog) => {
    problems.push({ kind: 'dialog', text: `${dialog.type()}: ${dialog.message()}`, url: page.url(), tab });
    void dialog.dismiss().catch(() => undefined);
  });
}

/** Chromium's own line for a request that got an HTTP error status (not something the app printed). */
export const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})/;

/**
 * The problems left once the failed requests a spec provoked on purpose are taken out: each expected
 * failure (its URL and status) excuses exactly one "Failed to load resource" line for that URL.
 */
export function unexpectedProblems(
  problems: readonly PageProblem[],
  expectedFailures: readonly { url: string; status: number }[] = [],
): PageProblem[] {
  const excuses = [...expectedFailures];
  return problems.filter((problem) => {
    const status = problem.kind === 'console.error' ? FAILED_RESOURCE.exec(problem.text)?.[1] : undefined;
    if (status === undefined) return true;
    const index = excuses.findIndex(
      (failure) => failure.url === problem.url && String(failure.status) === status,
    );
    if (index === -1) return true;
    excuses.splice(index, 1);
    return false;
  });
}
