import { getLanguage } from './translate';

/**
 * A wall-clock time on this device, 24-hour with seconds (`12:10:04`), as the banner shows expiries.
 * `serverEpochMs` is on the server's clock; `clockOffsetMs` (server − local) turns it into local time.
 */
export function clockTime(serverEpochMs: number, clockOffsetMs = 0): string {
  return new Intl.DateTimeFormat(getLanguage() === 'ja' ? 'ja-JP' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(serverEpochMs - clockOffsetMs);
}
