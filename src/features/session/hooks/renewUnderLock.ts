import type { TabChannel } from '../../../lib/crossTab/tabChannel';
import type { TabLock } from '../../../lib/crossTab/tabLock';
import type { ReadResult } from '../api/readResult';
import type { SessionFacts } from '../model/facts';
import { firstDeadline } from '../model/timing';
import type { SessionApi } from './sessionApi';
import type { SessionMessage } from './sessionMessage';

/** How long a tab that finds another tab's new tokens waits for the credentials that tab shares. */
export const SHARE_WAIT_MS = 2_000;

export type RenewalOutcome = [ReadResult, 'this-tab' | 'another-tab'];

/**
 * One renewal across tabs (auth0-spa-js's pattern, capability 2): take the cross-tab lock, then re-read
 * what is stored — if another tab renewed while this one waited, adopt its tokens and shared credentials
 * without a request; otherwise renew (one token refresh, one credentials exchange) and tell the others.
 */
export function renewUnderLock(
  deps: { api: SessionApi; lock: TabLock; channel: TabChannel<SessionMessage> | undefined; now: () => number },
  known: SessionFacts,
): Promise<RenewalOutcome> {
  return deps.lock.run('session-renewal', async (): Promise<RenewalOutcome> => {
    const peeked = await deps.api.peekSession({ awaitCredentialsMs: SHARE_WAIT_MS, knownIdToken: known.idToken });
    if (peeked.kind === 'none') return [peeked, 'another-tab'];
    if (peeked.kind === 'session' && peeked.facts.idToken !== known.idToken) {
      const due = deps.now() + peeked.facts.clockOffsetMs >= firstDeadline(peeked.facts).renewAt;
      if (!due) return [peeked, 'another-tab'];
    }
    const renewed = await deps.api.renewSession();
    if (renewed.kind === 'session') deps.channel?.post({ type: 'renewed' });
    return [renewed, 'this-tab'];
  });
}
