import { t } from '../../../lib/i18n/translate';
import { useRequestLog } from '../hooks/useRequestLog';
import { clockTime } from '../../../lib/i18n/clockTime';

/**
 * The galleries' S3 calls with the (masked) access key that signed each: the same key against every
 * bucket is the evidence that one identity's credentials serve them all.
 */
export function RequestLogTable() {
  const entries = useRequestLog();
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
                <tr key={entry.id}>
                  <td>{clockTime(entry.time)}</td>
                  <td>{entry.galleryId}</td>
                  <td>{entry.bucket}</td>
                  <td>{entry.operation}</td>
                  <td className="inspector-key">{entry.accessKey}</td>
                  <td>{entry.result}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
