import type { Target } from './args';
import { ScriptError } from './scriptError';

/**
 * Turns what the AWS SDK throws into one sentence that says what to do. Pure: it looks only at the
 * error's name and message (the SDK's exception classes set `name` to the AWS error code).
 */
export function explainAwsError(error: unknown, target: Target): string {
  if (error instanceof ScriptError) return error.message;
  if (!(error instanceof Error)) return `Unexpected failure: ${String(error)}`;
  const { name, message } = error;
  const profile = target.profile ? `profile "${target.profile}"` : 'the default profile';

  if (message === 'Region is missing') {
    return 'No AWS region: pass --region (e.g. --region ap-northeast-1), set AWS_REGION, or set "region" in the profile.';
  }
  if (name === 'CredentialsProviderError' || /Could not load credentials|could not be found|Unable to find/i.test(message)) {
    return `No usable AWS credentials for ${profile}: run \`aws configure${target.profile ? ` --profile ${target.profile}` : ''}\` or \`aws sso login${target.profile ? ` --profile ${target.profile}` : ''}\`, or pass --profile. (${message})`;
  }
  if (/Token is expired|token.*has expired|SSO session.*expired/i.test(message) || name === 'ExpiredTokenException' || name === 'ExpiredToken') {
    return `The credentials of ${profile} have expired: sign in again (\`aws sso login\`) or refresh them.`;
  }
  if (name === 'ValidationError' && /does not exist/.test(message)) {
    return `Stack ${target.stackName} is not deployed in ${target.region ?? 'this region'}: deploy it with \`npm run cdk -- deploy\`, or pass --stack / --region for the one you deployed.`;
  }
  if (name === 'UsernameExistsException') {
    return 'A user with this e-mail address already exists. Pick another address, or delete the user in the Cognito console first.';
  }
  if (name === 'InvalidPasswordException') {
    return `Cognito refused the temporary password: ${message}`;
  }
  if (name === 'AccessDenied' || name === 'AccessDeniedException' || name === 'UnrecognizedClientException' || name === 'InvalidClientTokenId') {
    return `AWS refused the call for ${profile} (${name}): use credentials of an administrator of this account. (${message})`;
  }
  if (name === 'NoSuchBucket') {
    return `A bucket named in the stack outputs does not exist: is stack ${target.stackName} fully deployed?`;
  }
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(message)) {
    return `Cannot reach AWS (${message}): check the network connection and the region.`;
  }
  return `${name}: ${message}`;
}
