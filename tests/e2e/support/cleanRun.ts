import { expect } from 'vitest';
import type { E2eRun } from './e2eRun';
import { unexpectedProblems } from './pageProblems';
import { findLeaks } from './secrets';

export interface CleanRunOptions {
  /** Every password typed during the spec. */
  passwords: readonly string[];
  /**
   * Requests the spec made fail on purpose (e.g. the refresh that meets a revoked token): each excuses
   * Chromium's own "Failed to load resource" line for it, and nothing else.
   */
  expectedFailures?: readonly { operation: string; status: number; errorType: string }[];
}

/**
 * How every spec ends: no console error, page error or dialog in any tab (bar the failed requests it
 * provoked on purpose, which must then be exactly those), and no password, JWT or secret key in any
 * console line or in anything `npm start` printed.
 */
export function expectCleanRun(run: E2eRun, { passwords, expectedFailures = [] }: CleanRunOptions): void {
  const failures = run.traffic.failures.map(({ operation, status, errorType }) => ({
    operation,
    status,
    errorType,
  }));
  expect(failures, 'AWS requests that failed').toEqual(expectedFailures);
  const excused = run.traffic.failures.map(({ url, status }) => ({ url, status }));
  expect(unexpectedProblems(run.problems, excused), 'console errors, page errors and dialogs').toEqual([]);

  const secrets = [...run.traffic.secrets];
  expect(secrets.length, 'the spec saw the secrets it checks for').toBeGreaterThan(0);
  const leaks = [
    ...findLeaks({ source: 'console', lines: run.consoleLines, passwords, secrets }),
    ...findLeaks({ source: 'npm start output', lines: [run.stack.output()], passwords, secrets }),
  ];
  expect(leaks, 'secrets in console lines or npm start output').toEqual([]);
}
