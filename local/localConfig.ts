import type { EmulatorDeps } from './deps';

/** What `GET /_local/config` answers: everything the app and scripts need to talk to this emulator. */
export interface LocalConfigDocument {
  region: string;
  endpoint: string;
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  buckets: Record<string, string>;
  /** Lets the app warn before the sign-in itself lapses (the refresh token cannot be renewed). */
  refreshTokenValiditySeconds: number;
}

export function localConfigDocument(deps: EmulatorDeps): LocalConfigDocument {
  const { config } = deps;
  return {
    region: config.region,
    endpoint: deps.endpoint,
    userPoolId: config.userPoolId,
    userPoolClientId: config.userPoolClientId,
    identityPoolId: config.identityPoolId,
    buckets: config.buckets,
    refreshTokenValiditySeconds: config.refreshTtlSeconds,
  };
}
