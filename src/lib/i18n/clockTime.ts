import { getLanguage } from './translate';

// One formatter per locale: constructing an Intl.DateTimeFormat costs far more than formatting with one,
// and the session panel formats a time for every row of its request log.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string): Intl.DateTimeFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(locale, formatter);
  }
  return formatter;
}

/**
 * A wall-clock time on this device, 24-hour with seconds (`12:10:04`), as the banner shows expiries.
 * `serverEpochMs` is on the server's clock; `clockOffsetMs` (server − local) turns it into local time.
 */
export function clockTime(serverEpochMs: number, clockOffsetMs = 0): string {
  return formatterFor(getLanguage() === 'ja' ? 'ja-JP' : 'en-GB').format(serverEpochMs - clockOffsetMs);
}
