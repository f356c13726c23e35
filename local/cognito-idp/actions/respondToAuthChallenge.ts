import type { ChallengeNameType, RespondToAuthChallengeRequest, RespondToAuthChallengeResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { InvalidParameterException } from '../errors';
import { completeNewPassword } from '../newPassword';
import { requireClient } from '../pool';
import { verifySrpClaim } from '../srpAuth';
import { FIELDS, type InputSchema } from '../validate';

const CHALLENGE_NAMES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
] as const satisfies readonly ChallengeNameType[];

export const respondToAuthChallengeInput: InputSchema<RespondToAuthChallengeRequest> = {
  ClientId: FIELDS.clientId,
  ChallengeName: { type: 'string', required: true, enum: CHALLENGE_NAMES },
  Session: { type: 'string', maxLength: 2048 },
  ChallengeResponses: FIELDS.optionalMap,
  ClientMetadata: FIELDS.optionalMap,
};

/**
 * Answers the challenges this pool issues: PASSWORD_VERIFIER (the SRP claim) and NEW_PASSWORD_REQUIRED
 * (first sign-in after AdminCreateUser). Device and MFA challenges are never issued (device tracking and
 * MFA are off, as in the CDK stack).
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
 */
export const respondToAuthChallenge =
  (deps: EmulatorDeps) =>
  async (input: RespondToAuthChallengeRequest): Promise<RespondToAuthChallengeResponse> => {
    const clientId = input.ClientId ?? '';
    requireClient(deps, clientId);
    switch (input.ChallengeName) {
      case 'PASSWORD_VERIFIER':
        return verifySrpClaim(deps, clientId, input.ChallengeResponses);
      case 'NEW_PASSWORD_REQUIRED':
        return completeNewPassword(deps, clientId, input.Session, input.ChallengeResponses);
      default:
        // Unconfirmed wording: Cognito's answer for a challenge it did not issue.
        throw new InvalidParameterException(`${input.ChallengeName} is not a challenge issued to this user.`);
    }
  };
