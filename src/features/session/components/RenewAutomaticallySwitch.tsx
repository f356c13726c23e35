import { useId } from 'react';
import { registerVocabularies, t } from '../../../lib/i18n/translate';
import { sessionVocabulary } from '../vocabulary';

registerVocabularies(sessionVocabulary);

/** The "Renew automatically" setting (on by default, remembered by the session hook). */
export function RenewAutomaticallySwitch({ checked, onChange }: { checked: boolean; onChange: (value: boolean) => void }) {
  const id = useId();
  return (
    <span className="renew-automatically">
      <input id={id} type="checkbox" role="switch" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label htmlFor={id}>{t('session.autoRenew')}</label>
    </span>
  );
}
