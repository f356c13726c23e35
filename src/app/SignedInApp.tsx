import type { AppSettings } from '../lib/config/appSettings';
import type { SessionSnapshot } from '../lib/session/types';
import { t } from '../lib/i18n/translate';
import { SignOutButtons } from '../features/auth/components/SignOutButtons';
import { Gallery } from '../features/gallery/components/Gallery';
import { SessionPanel } from '../features/inspector/components/SessionPanel';
import { RenewAutomaticallySwitch } from '../features/session/components/RenewAutomaticallySwitch';
import type { SessionHandle } from '../features/session/hooks/useSession';

/** Session states in which the galleries make no request: they keep their pages and wait. */
const PAUSED = new Set(['loading', 'expired', 'ended', 'signedOut']);

/**
 * Paused, too, while a renewal that started after expiry runs: the credentials in hand are dead, and what
 * the galleries signed with them would be fetched, fail, and be signed and fetched again once the renewal
 * (renewalCount) lands. A renewal before expiry leaves them working: the credentials are still good.
 */
function galleriesPaused(session: SessionSnapshot): boolean {
  return PAUSED.has(session.status) || (session.status === 'renewing' && session.reason === 'after-expiry');
}

/**
 * Everything after sign-in — galleries (side by side, stacked on narrow screens), the session controls and
 * the session panel. Loaded lazily: none of it (nor Amplify Storage) is part of the first load.
 */
export default function SignedInApp({ settings, handle }: { settings: AppSettings; handle: SessionHandle }) {
  const { session } = handle;
  const paused = galleriesPaused(session);
  return (
    <div className="signed-in">
      <div className="session-toolbar">
        {session.username ? <span className="signed-in-as">{t('app.signedInAs', { name: session.username })}</span> : null}
        <RenewAutomaticallySwitch checked={session.autoRenew ?? true} onChange={handle.setAutoRenew} />
        <SignOutButtons onBeforeSignOut={handle.noteSignOut} />
      </div>
      <div className="galleries">
        {settings.galleries.map((gallery) => (
          <Gallery key={gallery.id} gallery={gallery} paused={paused} renewalCount={session.renewalCount} />
        ))}
      </div>
      <SessionPanel
        session={session}
        jwksUri={settings.jwksUri}
        issuer={settings.issuer}
        userPoolClientId={settings.userPoolClientId}
        onRevoke={() => void handle.revoke()}
      />
    </div>
  );
}
