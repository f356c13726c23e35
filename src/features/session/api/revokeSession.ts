import { Amplify } from 'aws-amplify';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { classifyAuthError, type AuthFailure } from '../../../lib/amplify/authErrors';

/**
 * "Revoke my session": Cognito GlobalSignOut with the current access token, keeping the tokens here, so
 * the app then meets a revoked refresh token the way it would after a sign-out on another device — the
 * ended-session path, for real. (Amplify's `signOut({ global: true })` also clears the local tokens, which
 * would skip that path.) Amplify has no public call for GlobalSignOut alone, hence this one JSON request.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html
 */
export async function revokeSession(): Promise<{ ok: true } | { ok: false; failure: AuthFailure }> {
  const cognito = Amplify.getConfig().Auth?.Cognito;
  const tokens = await cognitoUserPoolsTokenProvider.authTokenStore.loadTokens();
  if (!cognito?.userPoolId || !tokens) return { ok: false, failure: { kind: 'definitive', reason: 'not-authorized', name: 'NoSession' } };
  const region = cognito.userPoolId.split('_')[0];
  const endpoint = cognito.userPoolEndpoint ?? `https://cognito-idp.${region}.amazonaws.com/`;
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.GlobalSignOut',
      },
      body: JSON.stringify({ AccessToken: tokens.accessToken.toString() }),
    });
    if (response.ok) return { ok: true };
    const body = (await response.json().catch(() => ({}))) as { __type?: string; message?: string };
    const name = (response.headers.get('x-amzn-errortype') ?? body.__type ?? 'UnknownError').split(':')[0];
    return { ok: false, failure: classifyAuthError({ name, message: body.message, $metadata: { httpStatusCode: response.status } }) };
  } catch (error) {
    return { ok: false, failure: classifyAuthError(error) };
  }
}
