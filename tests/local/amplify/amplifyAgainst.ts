import { Amplify } from 'aws-amplify';
import { S3Client } from '@aws-sdk/client-s3';
import type { AWSCredentials } from '@aws-amplify/core/internals/utils';
import type { TestEmulator } from '../support/startTestEmulator';

/**
 * Points Amplify (the real library, in Node) at a test emulator, as the app does in local mode: the user
 * pool and identity pool endpoints are the emulator's URL. Amplify keeps its tokens in memory in Node.
 */
export function configureAmplify(emu: TestEmulator): void {
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: emu.config.userPoolId,
        userPoolClientId: emu.config.userPoolClientId,
        identityPoolId: emu.config.identityPoolId,
        userPoolEndpoint: emu.url,
        identityPoolEndpoint: emu.url,
        allowGuestAccess: false,
      },
    },
  });
}

/** An S3 client signing with the AWS credentials Amplify fetched (path-style, as Storage cannot reach http). */
export function s3With(emu: TestEmulator, credentials: AWSCredentials): S3Client {
  return new S3Client({ endpoint: emu.url, region: emu.config.region, forcePathStyle: true, credentials });
}
