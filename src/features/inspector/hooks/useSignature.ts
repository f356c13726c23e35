import { useEffect, useState } from 'react';
import { verifySignature, type SignatureResult, type VerifyTarget } from '../api/verifySignature';

export type SignatureState = { status: 'checking' } | SignatureResult;

/** The signature verdict for a token, re-checked whenever the token (or the pool) changes. */
export function useSignature(token: string | undefined, { jwksUri, issuer }: VerifyTarget): SignatureState {
  const [state, setState] = useState<{ token?: string; result: SignatureState }>({
    result: { status: 'checking' },
  });
  useEffect(() => {
    if (!token) return;
    let active = true;
    void verifySignature(token, { jwksUri, issuer }).then((result) => {
      if (active) setState({ token, result });
    });
    return () => {
      active = false;
    };
  }, [token, jwksUri, issuer]);
  // A verdict for an older token is never shown against a new one.
  return state.token === token ? state.result : { status: 'checking' };
}
