import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { onlyResource, synthesize } from './support/synth';

// One synthesis per configuration, shared by the tests below.
const base = synthesize();
const longer = synthesize({ idTokenValidityMinutes: 60, accessTokenValidityMinutes: '15', refreshTokenValidityDays: '1' });

describe('user pool', () => {
  const pool = onlyResource(base.template, 'AWS::Cognito::UserPool').properties;

  it('signs in by e-mail and lets only administrators create users', () => {
    expect(pool.UsernameAttributes).toEqual(['email']);
    expect(pool.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
    expect(pool.AutoVerifiedAttributes).toEqual(['email']);
  });

  it("enforces Cognito's default password policy, written out", () => {
    expect(pool.Policies).toEqual({
      PasswordPolicy: {
        MinimumLength: 8,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 7,
      },
    });
  });

  it('recovers accounts by verified e-mail only', () => {
    expect(pool.AccountRecoverySetting).toEqual({ RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] });
  });
});

describe('app client', () => {
  const client = onlyResource(base.template, 'AWS::Cognito::UserPoolClient');

  it('is public (no secret) and allows SRP sign-in and refresh only', () => {
    expect(client.properties.GenerateSecret).toBe(false);
    expect(client.properties.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
  });

  it('has no hosted-UI OAuth flows or callback URLs', () => {
    expect(client.properties.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(client.properties.AllowedOAuthFlows).toBeUndefined();
    expect(client.properties.CallbackURLs).toBeUndefined();
  });

  it('issues 5-minute ID and access tokens and 30-day refresh tokens by default', () => {
    base.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      IdTokenValidity: 5,
      AccessTokenValidity: 5,
      RefreshTokenValidity: 30 * 24 * 60,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
    });
  });

  it('revokes tokens on sign-out and hides whether a user exists', () => {
    expect(client.properties.EnableTokenRevocation).toBe(true);
    expect(client.properties.PreventUserExistenceErrors).toBe('ENABLED');
  });

  it('takes token validity from context', () => {
    longer.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      IdTokenValidity: 60,
      AccessTokenValidity: 15,
      RefreshTokenValidity: 24 * 60,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  it('outputs the pool and client ids', () => {
    const poolId = onlyResource(base.template, 'AWS::Cognito::UserPool').logicalId;
    base.template.hasOutput('UserPoolId', { Value: { Ref: poolId } });
    base.template.hasOutput('UserPoolClientId', { Value: { Ref: client.logicalId } });
    base.template.hasOutput('Region', { Value: { Ref: 'AWS::Region' } });
    base.template.hasResourceProperties('AWS::Cognito::UserPoolClient', { UserPoolId: { Ref: poolId }, ClientName: Match.absent() });
  });
});
