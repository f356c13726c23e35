import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import type { FaultRuleView } from '../../../local/faults/registry';
import type { CallStatsSnapshot } from '../../../local/faults/stats';
import { DEMO_USER } from '../../../local/seed/users';
import type { TestEmulator } from '../support/startTestEmulator';

/** The control endpoints over HTTP, as a browser test drives them. */
export function faultApi(emu: TestEmulator) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emu.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
  };
  return {
    call,
    /** Adds a rule and returns its id; fails the test when the emulator refuses it. */
    async add(rule: Record<string, unknown>): Promise<string> {
      const res = await call('POST', '/_local/faults', rule);
      if (res.status !== 201) throw new Error(`rule refused: ${JSON.stringify(res.json)}`);
      return String(res.json.id);
    },
    async rules(): Promise<FaultRuleView[]> {
      return (await call('GET', '/_local/faults')).json.rules as FaultRuleView[];
    },
    async rule(id: string): Promise<FaultRuleView | undefined> {
      return (await this.rules()).find((r) => r.id === id);
    },
    clear: () => call('DELETE', '/_local/faults'),
    async stats(): Promise<CallStatsSnapshot> {
      return (await call('GET', '/_local/stats')).json as unknown as CallStatsSnapshot;
    },
    resetStats: () => call('DELETE', '/_local/stats'),
  };
}

/** An error thrown by an SDK v3 client, with the fields the tests read. */
export interface SdkFailure {
  name: string;
  message: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $response?: { headers?: Record<string, string> };
}

export async function failure(promise: Promise<unknown>): Promise<SdkFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the call to fail');
  // SDK v3 exceptions are Errors carrying these fields.
  return error as Error & SdkFailure;
}

export function clients(emu: TestEmulator, maxAttempts = 1) {
  const base = { endpoint: emu.url, region: emu.config.region, maxAttempts };
  return {
    idp: new CognitoIdentityProviderClient(base),
    identity: new CognitoIdentityClient(base),
    admin: new S3Client({ ...base, forcePathStyle: true, credentials: emu.config.admin }),
  };
}

/** The demo user's tokens (USER_PASSWORD_AUTH) and identity-pool credentials through the real actions. */
export async function demoSession(emu: TestEmulator) {
  const { idp, identity } = clients(emu);
  const auth = await idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: emu.config.userPoolClientId,
      AuthParameters: { USERNAME: DEMO_USER.email, PASSWORD: DEMO_USER.password },
    }),
  );
  const idToken = auth.AuthenticationResult?.IdToken ?? '';
  const logins = { [`cognito-idp.${emu.config.region}.amazonaws.com/${emu.config.userPoolId}`]: idToken };
  const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: emu.config.identityPoolId, Logins: logins }));
  const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
  idp.destroy();
  identity.destroy();
  return {
    refreshToken: auth.AuthenticationResult?.RefreshToken ?? '',
    identityId: IdentityId ?? '',
    logins,
    credentials: {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    },
  };
}
