import { t } from '../../../lib/i18n/translate';

/** A gallery's display name: its vocabulary label (`gallery.cat` → "Cat photos"), or its id when none. */
export function galleryLabel(id: string): string {
  const key = `gallery.${id}`;
  const label = t(key);
  return label === key ? id : label;
}
