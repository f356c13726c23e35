import { useId } from 'react';
import { registerVocabularies, t } from '../../../lib/i18n/translate';
import { maskAccessKeyId } from '../../../lib/requestLog/maskAccessKeyId';
import type { SessionSnapshot } from '../../../lib/session/types';
import { useNow } from '../hooks/useNow';
import { inspectorVocabulary } from '../vocabulary';
import { Countdowns } from './Countdowns';
import { RequestLogTable } from './RequestLogTable';
import { TokenDetails } from './TokenDetails';
import './SessionPanel.css';

registerVocabularies(inspectorVocabulary);

export interface SessionPanelProps {
  session: SessionSnapshot;
  /** The user pool's JWKS (locally the emulator's; `iss` stays the AWS-style issuer). */
  jwksUri: string;
  issuer: string;
  userPoolClientId: string;
  /** Global sign-out, to watch the ended-session path. */
  onRevoke: () => void;
}

/**
 * What the session is made of, live: countdowns, both tokens decoded and checked (the seed's four checks
 * plus the signature), the identity id, and the log of which credentials served which bucket.
 */
export function SessionPanel({ session, jwksUri, issuer, userPoolClientId, onRevoke }: SessionPanelProps) {
  const titleId = useId();
  const hintId = useId();
  const serverNow = useNow() + session.clockOffsetMs;
  const tokenProps = { issuer, clientId: userPoolClientId, jwksUri, serverNow };
  return (
    <section className="inspector" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('inspector.title')}</h2>
      <dl className="inspector-facts">
        <div>
          <dt>{t('inspector.status')}</dt>
          <dd>
            {t(`inspector.state.${session.status}`)}
            {session.reason ? ` (${session.reason})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('inspector.username')}</dt>
          <dd>{session.username ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('inspector.identityId')}</dt>
          <dd>{session.identityId ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('inspector.accessKey')}</dt>
          <dd className="inspector-key">{maskAccessKeyId(session.accessKeyId)}</dd>
        </div>
      </dl>
      <h3>{t('inspector.countdowns')}</h3>
      <Countdowns session={session} serverNow={serverNow} />
      {session.idToken ? (
        <TokenDetails title={t('inspector.idToken')} token={session.idToken} tokenUse="id" {...tokenProps} />
      ) : null}
      {session.accessToken ? (
        <TokenDetails
          title={t('inspector.accessToken')}
          token={session.accessToken}
          tokenUse="access"
          {...tokenProps}
        />
      ) : null}
      {!session.idToken && !session.accessToken ? <p>{t('inspector.noSession')}</p> : null}
      <RequestLogTable />
      <div className="inspector-revoke">
        <button type="button" onClick={onRevoke} aria-describedby={hintId}>
          {t('inspector.revoke')}
        </button>
        <p id={hintId}>{t('inspector.revokeHint')}</p>
      </div>
    </section>
  );
}
