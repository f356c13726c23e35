import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../deps';
import { openChallenge, takeChallenge } from './challenges';
import { InvalidParameterException, MESSAGES, NotAuthorizedException } from './errors';
import { afterPasswordVerified, refuseDisabled, requireParameter } from './signIn';
import { claimSignature, computeVerifier, isValidSrpTimestamp, N, parseHex, serverEphemeral, serverKey } from './srp';
import { emailOf, findUser, USERS, userKey, type UserRecord } from './users';

/**
 * USER_SRP_AUTH in two steps: InitiateAuth answers PASSWORD_VERIFIER with the salt, B and an opaque
 * SECRET_BLOCK bound to the server's SRP state; RespondToAuthChallenge checks the client's
 * PASSWORD_CLAIM_SIGNATURE against the key only the right password yields.
 *
 * An unknown user gets a simulated challenge (stable fake salt, real-looking B), and the claim then fails
 * with the wrong-password message, as Cognito does with PreventUserExistenceErrors on (the CDK default).
 */
const fakeSaltKey = randomBytes(32);

function fakeSalt(username: string): string {
  return createHmac('sha256', fakeSaltKey).update(username.toLowerCase()).digest('hex').slice(0, 32);
}

export async function startSrp(deps: EmulatorDeps, clientId: string, parameters: Record<string, string> | undefined): Promise<InitiateAuthResponse> {
  const username = requireParameter(parameters, 'USERNAME');
  const srpA = requireParameter(parameters, 'SRP_A');
  const A = parseHex(srpA);
  // SRP-6a: the server must abort when A mod N = 0 (unconfirmed wording of Cognito's answer).
  if (A === undefined || A % N === 0n) throw new InvalidParameterException('SRP_A is not a valid SRP value.');
  const user = findUser(deps, username);
  if (user) refuseDisabled(user);
  const userIdForSrp = user?.username ?? username;
  const salt = user?.salt ?? fakeSalt(username);
  const verifier = user?.verifier ?? computeVerifier(deps.config.userPoolName, username, randomBytes(16).toString('hex'), salt);
  const { b, B } = serverEphemeral(verifier);
  const secretBlock = await openChallenge(deps, clientId, {
    kind: 'srp',
    srp: { userKey: user ? userKey(emailOf(user)) : null, userIdForSrp, A: srpA, b, B },
  });
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: { SALT: salt, SRP_B: B, SECRET_BLOCK: secretBlock, USER_ID_FOR_SRP: userIdForSrp, USERNAME: userIdForSrp },
  };
}

function sameSignature(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(provided, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function verifySrpClaim(deps: EmulatorDeps, clientId: string, responses: Record<string, string> | undefined): Promise<InitiateAuthResponse> {
  const username = requireParameter(responses, 'USERNAME');
  const secretBlock = requireParameter(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const signature = requireParameter(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const timestamp = requireParameter(responses, 'TIMESTAMP');
  // A SECRET_BLOCK we never issued reads as a failed sign-in, not as a session problem.
  const { srp } = await takeChallenge(deps, secretBlock, clientId, 'srp', MESSAGES.wrongPassword);
  const wrong = new NotAuthorizedException(MESSAGES.wrongPassword);
  const user = srp.userKey === null ? undefined : deps.store.get<UserRecord>(USERS, srp.userKey);
  // USERNAME may be the typed email or the USER_ID_FOR_SRP; either must name the challenge's user.
  if (!user || findUser(deps, username)?.sub !== user.sub || !isValidSrpTimestamp(timestamp)) throw wrong;
  refuseDisabled(user);
  const A = parseHex(srp.A);
  const key = A === undefined ? undefined : serverKey({ A, B: srp.B, b: srp.b, verifier: user.verifier });
  if (!key) throw wrong;
  const expected = claimSignature(key, deps.config.userPoolName, srp.userIdForSrp, Buffer.from(secretBlock, 'base64'), timestamp);
  if (!sameSignature(expected, signature)) throw wrong;
  return afterPasswordVerified(deps, user, clientId);
}
