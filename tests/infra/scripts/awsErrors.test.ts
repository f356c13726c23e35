import { describe, expect, it } from 'vitest';
import { InvalidPasswordException, UsernameExistsException } from '@aws-sdk/client-cognito-identity-provider';
import { NoSuchBucket } from '@aws-sdk/client-s3';
import { explainAwsError } from '../../../scripts/aws/lib/awsErrors';
import { ScriptError } from '../../../scripts/aws/lib/scriptError';

const target = { stackName: 'CognitoGalleryStack', profile: 'work', region: 'ap-northeast-1' };

function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('explainAwsError', () => {
  it('says how to set a region', () => {
    expect(explainAwsError(new Error('Region is missing'), target)).toMatch(/^No AWS region: pass --region/);
  });

  it('says how to get credentials for the profile in use', () => {
    const message = explainAwsError(named('CredentialsProviderError', 'Could not load credentials from any providers'), target);
    expect(message).toContain('No usable AWS credentials for profile "work"');
    expect(message).toContain('aws sso login --profile work');
    expect(explainAwsError(named('CredentialsProviderError', 'x'), { stackName: 'S' })).toContain('the default profile');
  });

  it('tells expired sessions apart', () => {
    expect(explainAwsError(named('ExpiredTokenException', 'The security token included in the request is expired'), target)).toMatch(
      /have expired: sign in again/,
    );
  });

  it('explains a stack that is not deployed', () => {
    const message = explainAwsError(named('ValidationError', 'Stack with id CognitoGalleryStack does not exist'), target);
    expect(message).toBe(
      'Stack CognitoGalleryStack is not deployed in ap-northeast-1: deploy it with `npm run cdk -- deploy`, or pass --stack / --region for the one you deployed.',
    );
  });

  it('explains an existing user (the real SDK exception)', () => {
    const error = new UsernameExistsException({ message: 'An account with the given email already exists.', $metadata: {} });
    expect(explainAwsError(error, target)).toMatch(/^A user with this e-mail address already exists/);
  });

  it('passes Cognito password-policy messages through', () => {
    const error = new InvalidPasswordException({ message: 'Password did not conform with policy: Password not long enough', $metadata: {} });
    expect(explainAwsError(error, target)).toBe('Cognito refused the temporary password: Password did not conform with policy: Password not long enough');
  });

  it('explains a missing bucket and a denied call', () => {
    expect(explainAwsError(new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata: {} }), target)).toMatch(
      /is stack CognitoGalleryStack fully deployed/,
    );
    expect(explainAwsError(named('AccessDenied', 'Access Denied'), target)).toMatch(/administrator of this account/);
  });

  it('keeps script errors as they are and names anything else', () => {
    expect(explainAwsError(new ScriptError('Run npm run seed:images first.'), target)).toBe('Run npm run seed:images first.');
    expect(explainAwsError(named('ThrottlingException', 'Rate exceeded'), target)).toBe('ThrottlingException: Rate exceeded');
    expect(explainAwsError('boom', target)).toBe('Unexpected failure: boom');
  });
});
