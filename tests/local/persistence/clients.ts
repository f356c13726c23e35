import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import type { EmulatorConfig } from '../../../local/config';

/** SDK clients for an emulator at `url`, signing Admin* and S3 calls with the local administrator's keys. */
export function adminClients(url: string, config: EmulatorConfig) {
  const credentials = {
    accessKeyId: config.admin.accessKeyId,
    secretAccessKey: config.admin.secretAccessKey,
  };
  return {
    idp: new CognitoIdentityProviderClient({
      endpoint: url,
      region: config.region,
      credentials,
      maxAttempts: 1,
    }),
    s3: new S3Client({
      endpoint: url,
      region: config.region,
      forcePathStyle: true,
      credentials,
      maxAttempts: 1,
    }),
    destroy() {
      this.idp.destroy();
      this.s3.destroy();
    },
  };
}

/** USER_PASSWORD_AUTH (the emulator allows it for scripts): the tokens, or the refusal as thrown. */
export function passwordSignIn(
  idp: CognitoIdentityProviderClient,
  config: EmulatorConfig,
  email: string,
  password: string,
) {
  return idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: config.userPoolClientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
}
