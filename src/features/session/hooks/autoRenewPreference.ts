/** "Renew automatically", remembered per browser (on unless the user turned it off). */
const KEY = 'gallery.session.autoRenew';

export interface AutoRenewPreference {
  read(): boolean;
  write(value: boolean): void;
}

export function storedAutoRenewPreference(storage: Storage | undefined = globalThis.localStorage): AutoRenewPreference {
  return {
    read: () => {
      try {
        return storage?.getItem(KEY) !== 'off';
      } catch {
        return true;
      }
    },
    write: (value) => {
      try {
        storage?.setItem(KEY, value ? 'on' : 'off');
      } catch {
        // Storage full or blocked: the setting still applies to this page.
      }
    },
  };
}
