import { t } from '../../../lib/i18n/translate';
import type { SessionSnapshot } from '../../../lib/session/types';
import { countdown } from '../model/formatCountdown';
import { clockTime } from '../../../lib/i18n/clockTime';

interface CountdownsProps {
  session: SessionSnapshot;
  /** Server time (local time + the session's measured offset). */
  serverNow: number;
}

/** Live time left for the ID token, access token and AWS credentials. */
export function Countdowns({ session, serverNow }: CountdownsProps) {
  const rows: Array<[string, number | undefined]> = [
    ['inspector.idToken', session.idTokenExpiresAt],
    ['inspector.accessToken', session.accessTokenExpiresAt],
    ['inspector.credentials', session.credentialsExpireAt],
  ];
  return (
    <dl className="inspector-countdowns">
      {rows.map(([labelKey, expiresAt]) => (
        <div key={labelKey}>
          <dt>{t(labelKey)}</dt>
          <dd>{describe(expiresAt, serverNow, session.clockOffsetMs)}</dd>
        </div>
      ))}
    </dl>
  );
}

function describe(expiresAt: number | undefined, serverNow: number, clockOffsetMs: number): string {
  if (expiresAt === undefined) return t('inspector.countdown.unknown');
  const { expired, text } = countdown(expiresAt, serverNow);
  // Expiries are on the server's clock; the wall-clock time shown is the user's.
  const clock = clockTime(expiresAt, clockOffsetMs);
  return t(expired ? 'inspector.countdown.expired' : 'inspector.countdown.left', { time: text, clock });
}
