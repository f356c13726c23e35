import { memo } from 'react';
import { clockTime } from '../../../lib/i18n/clockTime';
import { getLanguage, t, type Language } from '../../../lib/i18n/translate';
import type { RequestLogEntry } from '../../../lib/requestLog/requestLog';
import { useRequestLog } from '../hooks/useRequestLog';

/**
 * The galleries' S3 calls with the (masked) access key that signed each: the same key against every
 * bucket is the evidence that one identity's credentials serve them all.
 */
export function RequestLogTable() {
  const entries = useRequestLog();
  const language = getLanguage();
  return (
    <section className="inspector-log" aria-label={t('inspector.log.title')}>
      <h3>{t('inspector.log.title')}</h3>
      {entries.length === 0 ? (
        <p>{t('inspector.log.empty')}</p>
      ) : (
        <div className="inspector-log-scroll">
          <table>
            <caption>{t('inspector.log.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inspector.log.time')}</th>
                <th scope="col">{t('inspector.log.gallery')}</th>
                <th scope="col">{t('inspector.log.bucket')}</th>
                <th scope="col">{t('inspector.log.operation')}</th>
                <th scope="col">{t('inspector.log.accessKey')}</th>
                <th scope="col">{t('inspector.log.result')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <LogRow key={entry.id} entry={entry} language={language} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * One row, memoised: entries never change once logged, so a new entry renders one row, not the whole
 * log — while a gallery scrolls, every thumbnail that loads adds one. `language` is a prop so that a
 * language switch still renders every row again.
 */
const LogRow = memo(function LogRow({ entry }: { entry: RequestLogEntry; language: Language }) {
  return (
    <tr>
      <td>{clockTime(entry.time)}</td>
      <td>{entry.galleryId}</td>
      <td>{entry.bucket}</td>
      <td>{entry.operation}</td>
      <td className="inspector-key">{entry.accessKey}</td>
      <td>{entry.result}</td>
    </tr>
  );
});
