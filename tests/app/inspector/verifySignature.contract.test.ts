import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../../local/seed/users';
import { verifySignature } from '../../../src/features/inspector/api/verifySignature';
import { startEmulator, type ContractEmulator } from '../gallery/support/startEmulator';
import { tamperPayload } from './support/tokens';

/**
 * The panel's signature check on tokens the real emulator issued to the real Amplify, verified by
 * aws-jwt-verify against the emulator's JWKS (http, at the emulator) while `iss` is the AWS-style issuer.
 */
describe('verifySignature against the emulator', () => {
  let emu: ContractEmulator;
  let issuer: string;
  let jwksUri: string;

  beforeAll(async () => {
    emu = await startEmulator();
    const { region, userPoolId } = emu.config;
    issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
    jwksUri = `${emu.url}/${userPoolId}/.well-known/jwks.json`;
    Amplify.configure({
      Auth: {
        Cognito: {
          userPoolId,
          userPoolClientId: emu.config.userPoolClientId,
          identityPoolId: emu.config.identityPoolId,
          userPoolEndpoint: emu.url,
          identityPoolEndpoint: emu.url,
        },
      },
    });
  });
  afterAll(async () => {
    await signOut().catch(() => undefined);
    await emu.dispose();
  });

  it('accepts both tokens of a real session and refuses an edited one', async () => {
    await signIn({ username: DEMO_USER.email, password: DEMO_USER.password });
    const { tokens } = await fetchAuthSession();
    const idToken = tokens?.idToken?.toString();
    const accessToken = tokens?.accessToken.toString();
    if (!idToken || !accessToken) throw new Error('Amplify returned no tokens');
    expect(await verifySignature(idToken, { jwksUri, issuer })).toEqual({ status: 'valid' });
    expect(await verifySignature(accessToken, { jwksUri, issuer })).toEqual({ status: 'valid' });
    expect(
      await verifySignature(tamperPayload(idToken, { email: 'admin@example.com' }), { jwksUri, issuer }),
    ).toEqual({
      status: 'invalid',
      reason: 'signature does not match',
    });
  });
});
