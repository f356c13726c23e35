import { randomUUID } from 'node:crypto';
import type { EmulatorDeps } from '../deps';
import type { IdentityPool } from './identityPool';
import type { VerifiedLogin } from './verifyLogins';

/** One identity of the pool, as DescribeIdentity would show it; `logins` maps provider name → user `sub`. */
export interface IdentityRecord {
  identityId: string;
  identityPoolId: string;
  logins: Record<string, string>;
  /** Epoch milliseconds. */
  creationDate: number;
}

export const IDENTITIES_COLLECTION = 'cognito-identities';
/** Login (pool, provider, sub) → identity id, so GetId finds a returning user without a scan. */
const LOGIN_INDEX_COLLECTION = 'cognito-identity-logins';

const loginKey = (pool: IdentityPool, login: VerifiedLogin) =>
  `${pool.identityPoolId}|${login.providerName}|${login.sub}`;

export interface IdentityDirectory {
  find(identityId: string): IdentityRecord | undefined;
  /** The user's identity, created on first use: the same user always gets the same IdentityId, as on AWS. */
  identityFor(pool: IdentityPool, login: VerifiedLogin): Promise<IdentityRecord>;
}

export function createIdentityDirectory(deps: EmulatorDeps): IdentityDirectory {
  const { store } = deps;
  // Creations not yet durable: a concurrent GetId for the same user waits for the same record instead of
  // being answered with an id that a crash could still lose (or minting a second one).
  const creating = new Map<string, Promise<IdentityRecord>>();

  function find(identityId: string): IdentityRecord | undefined {
    return store.get<IdentityRecord>(IDENTITIES_COLLECTION, identityId);
  }

  async function create(pool: IdentityPool, login: VerifiedLogin, key: string): Promise<IdentityRecord> {
    const record: IdentityRecord = {
      // AWS's format: `{region}:{uuid}` (pattern [\w-]+:[0-9a-f-]+).
      identityId: `${deps.config.region}:${randomUUID()}`,
      identityPoolId: pool.identityPoolId,
      logins: { [login.providerName]: login.sub },
      creationDate: deps.clock.now(),
    };
    // Identity first, index second: a kill between the two leaves an unreferenced record, never an index
    // entry pointing nowhere.
    await store.put(IDENTITIES_COLLECTION, record.identityId, record);
    await store.put(LOGIN_INDEX_COLLECTION, key, record.identityId);
    deps.logger.info('identity created', { identityId: record.identityId });
    return record;
  }

  async function identityFor(pool: IdentityPool, login: VerifiedLogin): Promise<IdentityRecord> {
    const key = loginKey(pool, login);
    const pending = creating.get(key);
    if (pending) return pending;
    const knownId = store.get<string>(LOGIN_INDEX_COLLECTION, key);
    const known = knownId === undefined ? undefined : find(knownId);
    if (known) return known;
    const created = create(pool, login, key).finally(() => creating.delete(key));
    creating.set(key, created);
    return created;
  }

  return { find, identityFor };
}
