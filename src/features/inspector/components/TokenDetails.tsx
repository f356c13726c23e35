import { t } from '../../../lib/i18n/translate';
import { useSignature, type SignatureState } from '../hooks/useSignature';
import { claimText, decodeJwt, type JsonObject } from '../model/decodeJwt';
import { checkToken, type TokenUse } from '../model/tokenChecks';

interface TokenDetailsProps {
  title: string;
  token: string;
  tokenUse: TokenUse;
  issuer: string;
  clientId: string;
  jwksUri: string;
  serverNow: number;
}

/** One token: the four claim checks and the signature check as a table, then its decoded claims. */
export function TokenDetails({
  title,
  token,
  tokenUse,
  issuer,
  clientId,
  jwksUri,
  serverNow,
}: TokenDetailsProps) {
  const signature = useSignature(token, { jwksUri, issuer });
  const decoded = decodeJwt(token);
  return (
    <section className="inspector-token" aria-label={title}>
      <h3>{title}</h3>
      {decoded.ok ? (
        <>
          <table className="inspector-checks">
            <caption>{t('inspector.checks')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inspector.check.column')}</th>
                <th scope="col">{t('inspector.check.claim')}</th>
                <th scope="col">{t('inspector.check.expected')}</th>
                <th scope="col">{t('inspector.check.actual')}</th>
                <th scope="col">{t('inspector.check.result')}</th>
              </tr>
            </thead>
            <tbody>
              {checkToken(decoded.payload, { tokenUse, issuer, clientId, now: serverNow }).map((check) => (
                <tr key={check.id} data-check={check.id}>
                  <th scope="row">{t(`inspector.check.${check.id}`)}</th>
                  <td>{check.claim}</td>
                  <td>{check.expected}</td>
                  <td>{check.actual}</td>
                  <td data-result={check.pass ? 'pass' : 'fail'}>
                    {t(check.pass ? 'inspector.check.pass' : 'inspector.check.fail')}
                  </td>
                </tr>
              ))}
              <tr data-check="signature">
                <th scope="row">{t('inspector.check.signature')}</th>
                <td>{claimText(decoded.header.kid)}</td>
                <td>{claimText(decoded.header.alg)}</td>
                <td>{jwksUri}</td>
                <SignatureCell signature={signature} />
              </tr>
            </tbody>
          </table>
          <Claims title={t('inspector.claims')} claims={decoded.payload} />
          <Claims title={t('inspector.header')} claims={decoded.header} />
        </>
      ) : (
        <p role="alert">{t('inspector.malformed', { reason: decoded.reason })}</p>
      )}
    </section>
  );
}

function SignatureCell({ signature }: { signature: SignatureState }) {
  switch (signature.status) {
    case 'checking':
      return <td data-result="checking">{t('inspector.check.checking')}</td>;
    case 'valid':
      return <td data-result="pass">{t('inspector.check.pass')}</td>;
    case 'invalid':
      return (
        <td data-result="fail">
          {t('inspector.check.fail')} ({signature.reason})
        </td>
      );
    case 'unverifiable':
      return (
        <td data-result="unverifiable">{t('inspector.check.unverifiable', { reason: signature.reason })}</td>
      );
  }
}

/** Claims as a definition list; every value is React text, whatever the token contains. */
function Claims({ title, claims }: { title: string; claims: JsonObject }) {
  return (
    <details className="inspector-claims" open>
      <summary>{title}</summary>
      <dl>
        {Object.entries(claims).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{claimText(value)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
