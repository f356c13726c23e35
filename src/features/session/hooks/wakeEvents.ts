/**
 * The moments a page comes back to life: shown again, focused, back online, restored from the bfcache.
 * Background timers are throttled or frozen and laptops sleep, so these — not the timer — are when an
 * expiry that passed unnoticed gets caught (okta-auth-js #557, auth0-spa-js #343, msal #1259).
 */
export type WakeTrigger = 'visible' | 'focus' | 'online' | 'pageshow';

export interface WakeScope {
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
}

export function listenWakeEvents(onWake: (trigger: WakeTrigger) => void, scope: WakeScope): () => void {
  const onVisibility = () => {
    if (scope.document.visibilityState === 'visible') onWake('visible');
  };
  const onFocus = () => onWake('focus');
  const onOnline = () => onWake('online');
  const onPageShow = () => onWake('pageshow');
  scope.document.addEventListener('visibilitychange', onVisibility);
  scope.window.addEventListener('focus', onFocus);
  scope.window.addEventListener('online', onOnline);
  scope.window.addEventListener('pageshow', onPageShow);
  return () => {
    scope.document.removeEventListener('visibilitychange', onVisibility);
    scope.window.removeEventListener('focus', onFocus);
    scope.window.removeEventListener('online', onOnline);
    scope.window.removeEventListener('pageshow', onPageShow);
  };
}

/**
 * Detects clock jumps: between two checks, the wall clock (Date.now) and the monotonic clock
 * (performance.now) should advance alike. A positive drift is a sleep or a clock set forward; a negative one
 * can only be the clock set back.
 */
export function createJumpDetector(now: () => number, monotonic: () => number, thresholdMs = 2_000) {
  let wall = now();
  let mono = monotonic();
  return (): number => {
    const nextWall = now();
    const nextMono = monotonic();
    const drift = nextWall - wall - (nextMono - mono);
    wall = nextWall;
    mono = nextMono;
    return Math.abs(drift) > thresholdMs ? drift : 0;
  };
}
