import type { ReactNode } from 'react';
import { clockTime } from '../../../lib/i18n/clockTime';
import { registerVocabularies, t } from '../../../lib/i18n/translate';
import type { SessionSnapshot } from '../../../lib/session/types';
import { sessionVocabulary } from '../vocabulary';
import './SessionBanner.css';

registerVocabularies(sessionVocabulary);

export interface SessionBannerProps {
  session: SessionSnapshot;
  onRenew: () => void;
  onSignIn: () => void;
  onDismiss: () => void;
  /** Before the sign-in lapses: sign out here and start a fresh sign-in. */
  onSignInAgain: () => void;
}

/** Reasons that are the expected countdown, not news: an automatic renewal is about to run. */
const ROUTINE = new Set(['idToken', 'accessToken', 'credentials']);

function Banner({ role, tone, children }: { role: 'status' | 'alert'; tone: string; children: ReactNode }) {
  return (
    <div role={role} className={`session-banner session-banner-${tone}`}>
      {children}
    </div>
  );
}

/**
 * Each session state in words, with its times and the one action that helps. Lives outside the
 * Authenticator, so it still explains *why* after the Authenticator has signed the user out.
 * `role="status"` for news (renewed, renewing), `role="alert"` when the user must act.
 */
export function SessionBanner({ session, onRenew, onSignIn, onDismiss, onSignInAgain }: SessionBannerProps) {
  const { status, reason } = session;
  const until = session.validUntil === undefined ? '' : clockTime(session.validUntil, session.clockOffsetMs);
  const why = reason && !ROUTINE.has(reason) ? t(`session.why.${reason}`) : undefined;
  const renewButton = (
    <button type="button" className="session-banner-action" onClick={onRenew}>
      {t('session.action.renew')}
    </button>
  );
  const signInButton = (
    <button type="button" className="session-banner-action" onClick={onSignIn}>
      {t('session.action.signIn')}
    </button>
  );
  switch (status) {
    case 'renewing':
      return <Banner role="status" tone="info">{t('session.renewing')}</Banner>;
    case 'renewed':
      return (
        <Banner role="status" tone="success">
          <span>{t(reason === 'renewed-in-another-tab' ? 'session.renewedElsewhere' : 'session.renewed', { time: until })}</span>
          <button type="button" className="session-banner-dismiss" onClick={onDismiss}>
            {t('session.action.dismiss')}
          </button>
        </Banner>
      );
    case 'expiring':
      if (reason === 'refresh-token-lapsing') {
        const at = session.refreshTokenExpiresAt === undefined ? '' : clockTime(session.refreshTokenExpiresAt, session.clockOffsetMs);
        return (
          <Banner role="alert" tone="warning">
            <span>{t('session.lapsing', { time: at })}</span>{' '}
            <button type="button" className="session-banner-action" onClick={onSignInAgain}>
              {t('session.action.signInAgain')}
            </button>
          </Banner>
        );
      }
      if (!why) return null;
      return (
        <Banner role="status" tone="warning">
          <span>{t('session.expiring', { time: until })}</span> <span>{why}</span> {renewButton}
        </Banner>
      );
    case 'expired':
      return (
        <Banner role="alert" tone="error">
          <span>{t('session.expired', { time: until })}</span> {why ? <span>{why}</span> : null} {renewButton}
        </Banner>
      );
    case 'ended':
      return (
        <Banner role="alert" tone="error">
          <span>{t('session.ended', { why: t(`session.ended.${reason ?? 'not-authorized'}`) })}</span> {signInButton}
        </Banner>
      );
    case 'signedOut':
      if (reason === 'signed-out-everywhere') return <Banner role="status" tone="info">{t('session.signedOutEverywhere')}</Banner>;
      if (reason === 'signed-out-elsewhere') {
        return (
          <Banner role="alert" tone="warning">
            <span>{t('session.signedOutElsewhere')}</span> {signInButton}
          </Banner>
        );
      }
      return null;
    default:
      return null;
  }
}
