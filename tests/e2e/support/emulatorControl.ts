import type { Page } from 'playwright-core';
import type { FaultRuleSpec } from '../../../local/faults/rules';
import type { CallStatsSnapshot } from '../../../local/faults/stats';

/**
 * The emulator's local-only control endpoints (local/faults/control.ts), called from the test process —
 * never from the page, so they are neither counted as the app's traffic nor seen by it.
 */
async function call(emulatorUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulatorUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

/** Adds a fault rule (POST /_local/faults); answers its id. */
export async function addFault(emulatorUrl: string, rule: FaultRuleSpec): Promise<string> {
  const answer = (await call(emulatorUrl, 'POST', '/_local/faults', rule)) as { id: string };
  return answer.id;
}

export async function clearFaults(emulatorUrl: string): Promise<void> {
  await call(emulatorUrl, 'DELETE', '/_local/faults');
}

export function callStats(emulatorUrl: string): Promise<CallStatsSnapshot> {
  return call(emulatorUrl, 'GET', '/_local/stats') as Promise<CallStatsSnapshot>;
}

export async function resetCallStats(emulatorUrl: string): Promise<void> {
  await call(emulatorUrl, 'DELETE', '/_local/stats');
}

/** Calls of one action that reached the emulator (faulted ones included) since the last reset. */
export function callsOf(stats: CallStatsSnapshot, service: string, action: string): number {
  return stats.calls[service]?.[action] ?? 0;
}

/**
 * Records, inside the page, the text of every `role=alert` and every session `role=status` the moment it
 * appears or changes (a MutationObserver, so a banner shown for a single frame is not missed, as a
 * polling test could miss it). `bannerTexts` reads what was recorded. The galleries' and the session
 * panel's own statuses are left out: they sit inside a <section>; the session banner does not.
 */
export async function recordBanners(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { e2eBanners: seen });
    const look = () => {
      for (const element of document.querySelectorAll('[role="alert"], [role="status"]')) {
        if (element.closest('section:not([role="alert"])')) continue;
        const text = `${element.getAttribute('role')}: ${(element.textContent ?? '').trim()}`;
        if (seen.at(-1) !== text && !seen.includes(text)) seen.push(text);
      }
    };
    look();
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export function bannerTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { e2eBanners?: string[] }).e2eBanners ?? [])]);
}
