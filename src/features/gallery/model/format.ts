import { t } from '../../../lib/i18n/translate';

/** `t(key)` with `{name}` placeholders filled in (the shared translator has no interpolation). */
export function format(key: string, values: Record<string, string | number>): string {
  return t(key).replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** A gallery's display name: its vocabulary label (`gallery.cat` → "Cat photos"), or its id when none. */
export function galleryLabel(id: string): string {
  const key = `gallery.${id}`;
  const label = t(key);
  return label === key ? id : label;
}
