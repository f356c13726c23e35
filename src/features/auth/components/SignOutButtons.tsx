import { useState } from 'react';
import { registerVocabularies, t } from '../../../lib/i18n/translate';
import { signOutEverywhere, signOutHere } from '../api/signOut';
import { authVocabulary } from '../vocabulary';

registerVocabularies(authVocabulary);

type Reason = 'signed-out' | 'signed-out-everywhere';

/**
 * "Sign out" (this browser) and "Sign out everywhere" (every device: Cognito GlobalSignOut).
 * `onBeforeSignOut` lets the session hook record which one it was, before Amplify's event arrives.
 */
export function SignOutButtons({ onBeforeSignOut }: { onBeforeSignOut: (reason: Reason) => void }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = (reason: Reason, action: () => Promise<void>) => async () => {
    setBusy(true);
    setFailed(false);
    onBeforeSignOut(reason);
    try {
      await action();
    } catch {
      // Amplify keeps the session when the sign-out request fails: say so, and let the user try again.
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="sign-out-buttons">
      <button type="button" disabled={busy} onClick={run('signed-out', signOutHere)}>
        {t('auth.signOut')}
      </button>
      <button type="button" disabled={busy} onClick={run('signed-out-everywhere', signOutEverywhere)}>
        {t('auth.signOutEverywhere')}
      </button>
      {failed ? <span role="alert">{t('auth.signOutFailed')}</span> : null}
    </span>
  );
}
