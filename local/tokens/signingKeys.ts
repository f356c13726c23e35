import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store';

/**
 * The user pool's RS256 signing keys, generated on first start and kept in the store so tokens stay
 * verifiable across restarts. As on AWS, ID and access tokens are signed by different keys (kids).
 */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface SigningKeys {
  id: SigningKey;
  access: SigningKey;
  /** The document served at `/{userPoolId}/.well-known/jwks.json`. */
  jwks(): { keys: JWK[] };
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

const COLLECTION = 'signing-keys';

async function loadOrCreate(store: Store, use: 'id' | 'access'): Promise<SigningKey> {
  let stored = store.get<StoredKey>(COLLECTION, use);
  if (!stored) {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const kid = randomUUID();
    stored = {
      kid,
      privateJwk: await exportJWK(privateKey),
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
    };
    await store.put(COLLECTION, use, stored);
  }
  const privateKey = (await importJWK(stored.privateJwk, 'RS256')) as CryptoKey;
  return { kid: stored.kid, privateKey, publicJwk: stored.publicJwk };
}

export async function loadSigningKeys(store: Store): Promise<SigningKeys> {
  const id = await loadOrCreate(store, 'id');
  const access = await loadOrCreate(store, 'access');
  return { id, access, jwks: () => ({ keys: [id.publicJwk, access.publicJwk] }) };
}
