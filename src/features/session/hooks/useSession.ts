import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { SessionSnapshot } from '../../../lib/session/types';
import { createSessionController } from './createSessionController';
import type { SessionController, SessionControllerDeps } from './sessionController';

export interface SessionHandle {
  session: SessionSnapshot;
  /** Renew now (the banner's "Renew session"); joins a renewal already in flight. */
  renew: () => Promise<void>;
  /** "Revoke my session": global sign-out, keeping the tokens here, then the renewal that meets it. */
  revoke: () => Promise<void>;
  setAutoRenew: (value: boolean) => void;
  dismiss: () => void;
  /** To call right before a sign-out this tab starts, so the state records why. */
  noteSignOut: (reason: 'signed-out' | 'signed-out-everywhere') => void;
}

/**
 * The session as React state: a thin subscription to one SessionController (which holds the state machine
 * and its effects). `controller` is for tests and for sharing one controller; by default each mount
 * creates its own. Started on mount and stopped on unmount (StrictMode's double mount included).
 */
export function useSession(
  controller?: SessionController,
  options: Pick<SessionControllerDeps, 'refreshTokenValidityMs'> = {},
): SessionHandle {
  const [active] = useState(() => controller ?? createSessionController(options));
  const session = useSyncExternalStore(active.subscribe, active.getSnapshot, active.getSnapshot);
  useEffect(() => active.start(), [active]);
  return useMemo(
    () => ({
      session,
      renew: () => active.renew(),
      revoke: () => active.revoke(),
      setAutoRenew: (value: boolean) => active.setAutoRenew(value),
      dismiss: () => active.dismiss(),
      noteSignOut: (reason: 'signed-out' | 'signed-out-everywhere') => active.noteSignOut(reason),
    }),
    [active, session],
  );
}
