import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'vitest';
import { startTestEmulator, type TestEmulator, type TestEmulatorOptions } from '../../support/startTestEmulator';

/** A running emulator with the two SDK clients the tests drive it with. */
export interface IdpKit {
  emu: TestEmulator;
  /** No credentials: the user-facing calls are unsigned, as from a browser. */
  user: CognitoIdentityProviderClient;
  /** Signed with the local administrator's keys, for Admin* calls. */
  admin: CognitoIdentityProviderClient;
  clientId: string;
  userPoolId: string;
  /** Every password and token the tests handled, for the "nothing secret in the log" checks. */
  secrets: Set<string>;
}

export async function startIdp(options: TestEmulatorOptions = {}): Promise<IdpKit> {
  const emu = await startTestEmulator({ seed: false, ...options });
  const base = { endpoint: emu.url, region: emu.config.region };
  return {
    emu,
    user: new CognitoIdentityProviderClient({ ...base, maxAttempts: 1 }),
    // Default retries: after a test moves the emulator's clock, the SDK corrects its clock skew from the
    // InvalidSignatureException and the Date header and signs again, as it does against AWS.
    admin: new CognitoIdentityProviderClient({ ...base, credentials: emu.config.admin }),
    clientId: emu.config.userPoolClientId,
    userPoolId: emu.config.userPoolId,
    secrets: new Set(),
  };
}

let counter = 0;

/** Typed builder for a user: unique email, a policy-conforming password. */
export function buildUser(overrides: Partial<{ email: string; password: string }> = {}): { email: string; password: string } {
  counter += 1;
  return { email: `user${counter}-${Date.now()}@example.com`, password: `Passw0rd!-${counter}`, ...overrides };
}

/** Creates a user through AdminCreateUser (+ AdminSetUserPassword for a permanent one). */
export async function createUser(kit: IdpKit, input: { email: string; password: string; temporary?: boolean }): Promise<string> {
  kit.secrets.add(input.password);
  const created = await kit.admin.send(
    new AdminCreateUserCommand({
      UserPoolId: kit.userPoolId,
      Username: input.email,
      TemporaryPassword: input.password,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: input.email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  if (!input.temporary) {
    await kit.admin.send(
      new AdminSetUserPasswordCommand({ UserPoolId: kit.userPoolId, Username: input.email, Password: input.password, Permanent: true }),
    );
  }
  return created.User?.Username ?? '';
}

/** Signs in with USER_PASSWORD_AUTH and returns the tokens (recorded as secrets). */
export async function passwordSignIn(kit: IdpKit, email: string, password: string): Promise<Required<AuthenticationResultType>> {
  kit.secrets.add(password);
  const out = await kit.user.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: kit.clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  const result = out.AuthenticationResult;
  if (!result?.AccessToken || !result.IdToken || !result.RefreshToken) throw new Error('no tokens in AuthenticationResult');
  recordTokens(kit, result);
  return result as Required<AuthenticationResultType>;
}

/**
 * Records the three tokens of an AuthenticationResult as secrets — only those: its other fields
 * (`ExpiresIn: 300`, `TokenType: "Bearer"`) are short public values that any log line may contain.
 */
export function recordTokens(kit: IdpKit, result: AuthenticationResultType | undefined): void {
  for (const token of [result?.AccessToken, result?.IdToken, result?.RefreshToken]) if (token) kit.secrets.add(token);
}

/** Resolves to the AWS error's name and message (fails the test when the call succeeds). */
export async function awsError(call: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Error) return { name: error.name, message: error.message };
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A raw JSON-protocol request, for bodies no SDK would send. */
export async function rawCall(
  kit: IdpKit,
  action: string,
  body: string | Uint8Array<ArrayBuffer>,
): Promise<{ status: number; errorType: string | null; json: Record<string, unknown> }> {
  const res = await fetch(kit.emu.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${action}` },
    body,
  });
  return { status: res.status, errorType: res.headers.get('x-amzn-errortype'), json: (await res.json()) as Record<string, unknown> };
}

/** No log line holds any password or token the test handled. */
export function expectNoSecretsLogged(kit: IdpKit): void {
  const log = JSON.stringify(kit.emu.logger.lines);
  expect(kit.emu.logger.lines.length).toBeGreaterThan(0);
  for (const secret of kit.secrets) {
    // An empty value (a test sending a blank password) cannot leak anything.
    if (secret !== '') expect(log.includes(secret), 'a secret was logged').toBe(false);
  }
}
