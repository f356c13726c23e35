import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface UserDirectoryProps {
  idTokenValidityMinutes: number;
  accessTokenValidityMinutes: number;
  refreshTokenValidityDays: number;
}

/**
 * The user pool and the SPA's app client, as the seed configured them by hand: administrators create the
 * users (self sign-up off), people sign in with their e-mail address over SRP, tokens are short-lived.
 */
export class UserDirectory extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // Cognito's default policy, written out so the template (and cdk-nag) show what is enforced.
      passwordPolicy: {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OFF,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Acknowledged on the L1 resource only, so the reasons do not spread to the app client below it.
    const cfnUserPool = this.userPool.node.defaultChild as cognito.CfnUserPool;
    Validations.of(cfnUserPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'The project reproduces the seed article (password sign-in only) and its emulator has no MFA; enable MFA with mfa: Mfa.REQUIRED for real users.',
    });
    Validations.of(cfnUserPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Threat protection (advanced security) needs the Plus feature plan, billed per monthly active user; this demo stays on Essentials, which is free for the first 10,000 users.',
    });

    this.client = this.userPool.addClient('WebClient', {
      // A browser app cannot keep a secret.
      generateSecret: false,
      // SRP only (the password never leaves the browser); CDK adds ALLOW_REFRESH_TOKEN_AUTH to any flow list.
      authFlows: { userSrp: true },
      // No hosted UI: the app signs in with the Authenticator, so OAuth flows and callback URLs stay off.
      disableOAuth: true,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.minutes(props.idTokenValidityMinutes),
      accessTokenValidity: Duration.minutes(props.accessTokenValidityMinutes),
      refreshTokenValidity: Duration.days(props.refreshTokenValidityDays),
      // Sign-out revokes the refresh token (Amplify calls RevokeToken).
      enableTokenRevocation: true,
      // Wrong e-mail and wrong password give the same answer, so sign-in cannot probe for accounts.
      preventUserExistenceErrors: true,
    });
  }
}
