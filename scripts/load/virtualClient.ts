import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { LocalConfigDocument } from '../../local/localConfig';
import { srpTimestamp, startSrpSession } from '../../tests/local/cognito-idp/support/srpClient';
import type { Recorder } from './recorder';

export interface LoadUser {
  email: string;
  password: string;
}

export interface LoadObject {
  bucket: string;
  key: string;
  size: number;
}

/** What a virtual client holds between calls: a browser tab's session, in SDK clients. */
interface Session {
  idToken: string;
  refreshToken: string;
  identityId?: string;
  s3?: S3Client;
}

/** How often each step is picked once signed in (SRP sign-ins are rare, as in a real app). */
const WEIGHTS = { signIn: 2, refresh: 18, credentials: 12, list: 26, get: 40, badRefresh: 2 } as const;
type Step = keyof typeof WEIGHTS;
const TOTAL_WEIGHT = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);

function pickStep(random: () => number): Step {
  let roll = random() * TOTAL_WEIGHT;
  for (const [step, weight] of Object.entries(WEIGHTS) as [Step, number][]) {
    roll -= weight;
    if (roll < 0) return step;
  }
  return 'get';
}

/**
 * One simulated user in one browser tab: signs in with SRP as Amplify does, then refreshes, exchanges
 * the ID token for identity-pool credentials, lists a gallery and fetches images through presigned URLs,
 * in random order, until the deadline. Every call goes over HTTP through the real SDK clients, with no
 * retries (maxAttempts 1), so every error the emulator answers is counted.
 */
export function createVirtualClient(config: LocalConfigDocument, user: LoadUser, objects: readonly LoadObject[], recorder: Recorder) {
  const base = { endpoint: config.endpoint, region: config.region, maxAttempts: 1 };
  const idp = new CognitoIdentityProviderClient(base);
  const identity = new CognitoIdentityClient(base);
  const provider = `cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
  const buckets = Object.values(config.buckets);
  let session: Session | undefined;

  async function signIn(): Promise<void> {
    const srp = startSrpSession();
    const challenge = await recorder.time('InitiateAuth (SRP)', () =>
      idp.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: config.userPoolClientId, AuthParameters: { USERNAME: user.email, SRP_A: srp.A } })),
    );
    const p = challenge?.ChallengeParameters;
    if (!p?.SALT || !p.SRP_B || !p.SECRET_BLOCK || !p.USER_ID_FOR_SRP) return;
    const timestamp = srpTimestamp(new Date());
    const signature = srp.sign({
      poolName: config.userPoolId.split('_')[1] ?? '',
      userIdForSrp: p.USER_ID_FOR_SRP,
      password: user.password,
      salt: p.SALT,
      B: p.SRP_B,
      secretBlock: p.SECRET_BLOCK,
      timestamp,
    });
    const out = await recorder.time('RespondToAuthChallenge', () =>
      idp.send(
        new RespondToAuthChallengeCommand({
          ClientId: config.userPoolClientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: {
            USERNAME: p.USER_ID_FOR_SRP ?? '',
            PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK ?? '',
            PASSWORD_CLAIM_SIGNATURE: signature,
            TIMESTAMP: timestamp,
          },
        }),
      ),
    );
    const result = out?.AuthenticationResult;
    if (result?.IdToken && result.RefreshToken) {
      session?.s3?.destroy();
      session = { idToken: result.IdToken, refreshToken: result.RefreshToken };
    }
  }

  async function refresh(current: Session): Promise<void> {
    const out = await recorder.time('GetTokensFromRefreshToken', () =>
      idp.send(new GetTokensFromRefreshTokenCommand({ ClientId: config.userPoolClientId, RefreshToken: current.refreshToken })),
    );
    if (out?.AuthenticationResult?.IdToken) current.idToken = out.AuthenticationResult.IdToken;
  }

  /** Asked for: a refresh token that was never issued must be refused with NotAuthorizedException. */
  async function badRefresh(): Promise<void> {
    await recorder.time('GetTokensFromRefreshToken (bad token)', () =>
      idp.send(new GetTokensFromRefreshTokenCommand({ ClientId: config.userPoolClientId, RefreshToken: 'not-a-refresh-token' })),
    );
  }

  async function credentials(current: Session): Promise<void> {
    const logins = { [provider]: current.idToken };
    const id = await recorder.time('GetId', () => identity.send(new GetIdCommand({ IdentityPoolId: config.identityPoolId, Logins: logins })));
    if (!id?.IdentityId) return;
    current.identityId = id.IdentityId;
    const out = await recorder.time('GetCredentialsForIdentity', () =>
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId: id.IdentityId, Logins: logins })),
    );
    const c = out?.Credentials;
    if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken) return;
    current.s3?.destroy();
    current.s3 = new S3Client({
      ...base,
      forcePathStyle: true,
      credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken },
    });
  }

  async function list(s3: S3Client, random: () => number): Promise<void> {
    const bucket = buckets[Math.floor(random() * buckets.length)] ?? '';
    await recorder.time('ListObjectsV2', () => s3.send(new ListObjectsV2Command({ Bucket: bucket, EncodingType: 'url', MaxKeys: 100 })));
  }

  async function get(s3: S3Client, random: () => number): Promise<void> {
    const object = objects[Math.floor(random() * objects.length)];
    if (!object) return;
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: object.bucket, Key: object.key }), { expiresIn: 900 });
    await recorder.time('GetObject (presigned)', async () => {
      const res = await fetch(url);
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw Object.assign(new Error(`HTTP ${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 200)}`), { code: `HTTP${res.status}` });
      if (body.byteLength !== object.size) throw Object.assign(new Error(`${body.byteLength} bytes, expected ${object.size}`), { code: 'ShortBody' });
    });
  }

  return {
    /** Runs steps until `until()` says stop. */
    async run(random: () => number, until: () => boolean): Promise<void> {
      while (!until()) {
        if (!session) {
          await signIn();
          continue;
        }
        const step = session.s3 ? pickStep(random) : 'credentials';
        if (step === 'signIn') await signIn();
        else if (step === 'refresh') await refresh(session);
        else if (step === 'badRefresh') await badRefresh();
        else if (step === 'credentials' || !session.s3) await credentials(session);
        else if (step === 'list') await list(session.s3, random);
        else await get(session.s3, random);
      }
    },
    destroy(): void {
      session?.s3?.destroy();
      idp.destroy();
      identity.destroy();
    },
  };
}
