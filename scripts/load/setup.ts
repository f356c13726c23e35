import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { loadConfig } from '../../local/config';
import type { LocalConfigDocument } from '../../local/localConfig';
import type { LoadObject, LoadUser } from './virtualClient';

/** The local administrator's keys, from the emulator's own config module (they exist only there). */
export function adminClients(config: LocalConfigDocument) {
  const { admin } = loadConfig({});
  const base = { endpoint: config.endpoint, region: config.region, credentials: admin, maxAttempts: 1 };
  return {
    idp: new CognitoIdentityProviderClient(base),
    s3: new S3Client({ ...base, forcePathStyle: true }),
    destroy() {
      this.idp.destroy();
      this.s3.destroy();
    },
  };
}

export async function fetchLocalConfig(url: string): Promise<LocalConfigDocument> {
  const res = await fetch(`${url}/_local/config`);
  if (!res.ok) throw new Error(`GET /_local/config answered ${res.status}`);
  return (await res.json()) as LocalConfigDocument;
}

/** Confirmed users for the load, created as an operator would: AdminCreateUser, then a permanent password. */
export async function createLoadUsers(config: LocalConfigDocument, count: number, tag: string): Promise<LoadUser[]> {
  const admin = adminClients(config);
  const users = Array.from({ length: count }, (_, i) => ({
    email: `load-${tag}-${i}@example.com`,
    password: `Load-Passw0rd-${i}!`,
  }));
  try {
    // A few at a time: the emulator hashes each password into an SRP verifier.
    for (let i = 0; i < users.length; i += 8) {
      await Promise.all(
        users.slice(i, i + 8).map(async (user) => {
          await admin.idp.send(
            new AdminCreateUserCommand({
              UserPoolId: config.userPoolId,
              Username: user.email,
              TemporaryPassword: user.password,
              MessageAction: 'SUPPRESS',
              UserAttributes: [
                { Name: 'email', Value: user.email },
                { Name: 'email_verified', Value: 'true' },
              ],
            }),
          );
          await admin.idp.send(
            new AdminSetUserPasswordCommand({ UserPoolId: config.userPoolId, Username: user.email, Password: user.password, Permanent: true }),
          );
        }),
      );
    }
  } finally {
    admin.destroy();
  }
  return users;
}

/** Every object of the gallery buckets with its size, so each presigned GET can check the body it got. */
export async function listGalleryObjects(config: LocalConfigDocument): Promise<LoadObject[]> {
  const admin = adminClients(config);
  const objects: LoadObject[] = [];
  try {
    for (const bucket of Object.values(config.buckets)) {
      const page = await admin.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
      for (const item of page.Contents ?? []) objects.push({ bucket, key: item.Key ?? '', size: item.Size ?? 0 });
    }
  } finally {
    admin.destroy();
  }
  return objects;
}
