import { t } from '../../../lib/i18n/translate';

/** `t(key)` with `{name}` placeholders filled in (the shared translator has no interpolation). */
export function format(key: string, values: Record<string, string | number>): string {
  return t(key).replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** A wall-clock time, 24-hour, with seconds (`12:10:04`), as the banner and the panel show expiries. */
export function clockTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(epochMs);
}
