import { useId } from 'react';
import type { ConfigProblem } from '../lib/config/appSettings';
import { t } from '../lib/i18n/translate';

/**
 * What is wrong with the settings, each problem with its setting, what is wrong and how to fix it — in
 * place of the app, never a blank page. Values are rendered as text.
 */
export function ConfigurationScreen({ problems }: { problems: ConfigProblem[] }) {
  const titleId = useId();
  const unreachable = problems.some((p) => p.code === 'emulatorUnreachable' || p.code === 'emulatorResponse');
  return (
    <section className="configuration-screen" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('config.title')}</h2>
      <p>{t('config.intro')}</p>
      <ul>
        {problems.map((problem) => {
          const values = { setting: problem.setting, value: problem.value ?? '' };
          return (
            <li key={`${problem.setting}:${problem.code}:${problem.value ?? ''}`}>
              <code>{problem.setting}</code>
              <p>{t(`config.problem.${problem.code}`, values)}</p>
              <p>{t(`config.fix.${problem.code}`, values)}</p>
            </li>
          );
        })}
      </ul>
      {unreachable ? (
        <button type="button" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      ) : null}
    </section>
  );
}
