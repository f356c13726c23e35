import { useAuthenticator } from '@aws-amplify/ui-react-core';
import { registerVocabularies, t } from '../../../lib/i18n/translate';
import { amplifyText } from '../api/amplifyLanguage';
import { authVocabulary } from '../vocabulary';
import { AuthForm } from './AuthForm';
import './SignInScreen.css';

registerVocabularies(authVocabulary);

/**
 * The Authenticator's screens this app needs, in the same words as Amplify UI's: sign in (email and
 * password), the new-password step for a temporary password, forgot password (request a code, then set a
 * new password), and "skip" for contact verification. Sign-up is hidden: an administrator creates users.
 */
export function SignInScreen() {
  const { route, toSignIn, toForgotPassword, resendCode, skipVerification, codeDeliveryDetails } = useAuthenticator(
    (context) => [context.route, context.codeDeliveryDetails],
  );
  const backToSignIn = { text: 'Back to Sign In', onClick: () => toSignIn() };
  let screen;
  switch (route) {
    case 'signIn':
      screen = (
        <AuthForm
          heading="Sign in to your account"
          submitText="Sign in"
          pendingText="Signing in"
          links={[{ text: 'Forgot your password?', onClick: () => toForgotPassword() }]}
        />
      );
      break;
    case 'forceNewPassword':
      screen = <AuthForm heading="Change Password" submitText="Change Password" pendingText="Changing" links={[backToSignIn]} />;
      break;
    case 'forgotPassword':
      screen = <AuthForm heading="Reset your password" submitText="Send code" pendingText="Sending" links={[backToSignIn]} />;
      break;
    case 'confirmResetPassword':
      screen = (
        <AuthForm
          heading="Reset your Password"
          submitText="Submit"
          pendingText="Submitting"
          links={[{ text: 'Resend Code', onClick: () => resendCode() }, backToSignIn]}
        >
          {codeDeliveryDetails?.Destination ? (
            <p>
              {amplifyText('Your code is on the way. To log in, enter the code we emailed to')} {codeDeliveryDetails.Destination}.{' '}
              {amplifyText('It may take a minute to arrive')}
            </p>
          ) : null}
        </AuthForm>
      );
      break;
    case 'verifyUser':
    case 'confirmVerifyUser':
      screen = (
        <div className="auth-form">
          <h2>{amplifyText('Account recovery requires verified contact information')}</h2>
          <button type="button" className="auth-submit" onClick={() => skipVerification()}>
            {amplifyText('Skip')}
          </button>
        </div>
      );
      break;
    case 'idle':
    case 'setup':
    case 'transition':
    case 'signOut':
    case 'authenticated':
      screen = <p role="status">{t('auth.loading')}</p>;
      break;
    default:
      screen = (
        <div className="auth-form">
          <p role="alert">{t('auth.unsupportedStep')}</p>
          <button type="button" className="auth-link" onClick={() => toSignIn()}>
            {amplifyText('Back to Sign In')}
          </button>
        </div>
      );
  }
  return <section className="sign-in-screen" data-route={route}>{screen}</section>;
}
