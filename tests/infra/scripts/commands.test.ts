import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateBucketCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { SEED_OBJECTS } from '../../../local/seed/manifest';
import { createUserCommand } from '../../../scripts/aws/commands/createUser';
import { publishSiteCommand } from '../../../scripts/aws/commands/publishSite';
import { uploadSamplesCommand } from '../../../scripts/aws/commands/uploadSamples';
import { writeEnvCommand } from '../../../scripts/aws/commands/writeEnv';
import { runScript, type ScriptDefinition } from '../../../scripts/aws/lib/runScript';
import { startTestEmulator, type TestEmulator } from '../../local/support/startTestEmulator';
import { startFakeCloudFormation, type FakeCloudFormation } from '../support/fakeCloudFormation';

/**
 * The scripts end to end, with their real SDK clients: DescribeStacks against a CloudFormation stand-in
 * that returns this project's outputs, and Cognito / S3 calls against the real emulator.
 */
let emu: TestEmulator;
let cfn: FakeCloudFormation;
let cwd: string;
const SITE_BUCKET = 'gallery-site-bucket';

beforeAll(async () => {
  emu = await startTestEmulator({ seed: false });
  const { config } = emu;
  const outputs = {
    Region: config.region,
    UserPoolId: config.userPoolId,
    UserPoolClientId: config.userPoolClientId,
    IdentityPoolId: config.identityPoolId,
    CatBucketName: config.buckets.cat ?? '',
    DogBucketName: config.buckets.dog ?? '',
  };
  cfn = await startFakeCloudFormation(
    new Map([
      ['CognitoGalleryStack', { status: 'CREATE_COMPLETE', outputs }],
      ['HostedStack', { status: 'UPDATE_COMPLETE', outputs: { ...outputs, SiteUrl: 'https://d111.cloudfront.net', SiteBucketName: SITE_BUCKET, DistributionId: 'E1' } }],
      ['BrokenStack', { status: 'ROLLBACK_COMPLETE', outputs: {} }],
    ]),
  );
  cwd = await mkdtemp(path.join(tmpdir(), 'aws-scripts-'));
  for (const bucket of [config.buckets.cat, config.buckets.dog, SITE_BUCKET]) {
    await adminS3().send(new CreateBucketCommand({ Bucket: bucket }));
  }
}, 60_000);

afterAll(async () => {
  await cfn?.close();
  await emu?.dispose();
  if (cwd) await rm(cwd, { recursive: true, force: true });
});

function adminCredentials() {
  return { accessKeyId: emu.config.admin.accessKeyId, secretAccessKey: emu.config.admin.secretAccessKey };
}

function adminS3(): S3Client {
  return new S3Client({ region: emu.config.region, endpoint: emu.url, forcePathStyle: true, credentials: adminCredentials() });
}

async function run(definition: ScriptDefinition, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runScript(definition, {
    argv: ['--region', emu.config.region, ...argv],
    cwd,
    access: { env: {}, endpoints: { cloudformation: cfn.url, cognitoIdp: emu.url, s3: emu.url }, credentials: adminCredentials() },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('aws:create-user', () => {
  it('creates a verified user whose printed temporary password leads to the new-password challenge', async () => {
    const result = await run(createUserCommand, ['--email', 'carol@example.com']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const password = /Temporary password \(shown once, valid 7 days\): (\S+)/.exec(result.out)?.[1];
    expect(password).toBeDefined();
    expect(cfn.requests.at(-1)).toEqual({ stackName: 'CognitoGalleryStack', signed: true });

    const cognito = new CognitoIdentityProviderClient({ region: emu.config.region, endpoint: emu.url, credentials: adminCredentials() });
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: emu.config.userPoolId, Username: 'carol@example.com' }));
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email_verified', Value: 'true' }, { Name: 'email', Value: 'carol@example.com' }]));
    const signIn = await cognito.send(
      new InitiateAuthCommand({
        ClientId: emu.config.userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'carol@example.com', PASSWORD: password ?? '' },
      }),
    );
    expect(signIn.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('does not print a password the operator chose', async () => {
    const result = await run(createUserCommand, ['--email', 'dave@example.com', '--password', 'Chosen-Pass1']);
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('Chosen-Pass1');
  });

  it('explains an existing user and exits 1', async () => {
    expect((await run(createUserCommand, ['--email', 'frank@example.com'])).code).toBe(0);
    const result = await run(createUserCommand, ['--email', 'frank@example.com']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Error: A user with this e-mail address already exists/);
  });

  it('explains a stack that is not deployed', async () => {
    const result = await run(createUserCommand, ['--email', 'erin@example.com', '--stack', 'NoSuchStack']);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'Error: Stack NoSuchStack is not deployed in ap-northeast-1: deploy it with `npm run cdk -- deploy`, or pass --stack / --region for the one you deployed.',
    );
  });

  it('explains a stack whose deployment failed', async () => {
    const result = await run(createUserCommand, ['--email', 'erin@example.com', '--stack', 'BrokenStack']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/BrokenStack is ROLLBACK_COMPLETE: its first deployment failed/);
  });

  it('rejects a bad e-mail address before calling AWS (exit 2 with usage)', async () => {
    const before = cfn.requests.length;
    const result = await run(createUserCommand, ['--email', 'not-an-address']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^"not-an-address" is not an e-mail address\n\nUsage: npm run aws:create-user --/);
    expect(cfn.requests.length).toBe(before);
  });
});

describe('aws:upload-samples', () => {
  it('uploads every object of the seed manifest to its gallery bucket with its content type', async () => {
    const result = await run(uploadSamplesCommand, []);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const s3 = adminS3();
    for (const gallery of ['cat', 'dog'] as const) {
      const bucket = emu.config.buckets[gallery] ?? '';
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
      const expected = SEED_OBJECTS.filter((o) => o.gallery === gallery).map((o) => o.key);
      expect((listed.Contents ?? []).map((o) => o.Key).sort()).toEqual([...expected].sort());
    }
    const tricky = SEED_OBJECTS.find((o) => o.key.includes('<img'));
    expect(tricky).toBeDefined();
    const head = await s3.send(new HeadObjectCommand({ Bucket: emu.config.buckets.cat, Key: tricky?.key }));
    expect(head.ContentType).toBe(tricky?.contentType);
  });
});

describe('aws:write-env', () => {
  it('writes .env.production.local from the outputs', async () => {
    const result = await run(writeEnvCommand, []);
    expect(result.code).toBe(0);
    const text = await readFile(path.join(cwd, '.env.production.local'), 'utf8');
    const { config } = emu;
    expect(text.split('\n').filter((line) => !line.startsWith('#') && line !== '')).toEqual([
      `VITE_AWS_REGION=${config.region}`,
      `VITE_USER_POOL_ID=${config.userPoolId}`,
      `VITE_USER_POOL_CLIENT_ID=${config.userPoolClientId}`,
      `VITE_IDENTITY_POOL_ID=${config.identityPoolId}`,
      `VITE_GALLERIES=cat=${config.buckets.cat},dog=${config.buckets.dog}`,
    ]);
  });
});

describe('aws:publish-site', () => {
  it('refuses a stack without hosting', async () => {
    await mkdir(path.join(cwd, 'dist'), { recursive: true });
    await writeFile(path.join(cwd, 'dist', 'index.html'), '<!doctype html><title>x</title>');
    const result = await run(publishSiteCommand, []);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/has no hosting: deploy it with `npm run cdk -- deploy -c hosting=true`/);
  });

  it('uploads the build with content types, HTML last', async () => {
    await mkdir(path.join(cwd, 'dist', 'assets'), { recursive: true });
    await writeFile(path.join(cwd, 'dist', 'assets', 'index-abc123.js'), 'console.log(1)');
    const result = await run(publishSiteCommand, ['--stack', 'HostedStack']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual(['  assets/index-abc123.js', '  index.html', 'Published 2 files. Open https://d111.cloudfront.net']);
    const head = await adminS3().send(new HeadObjectCommand({ Bucket: SITE_BUCKET, Key: 'assets/index-abc123.js' }));
    expect(head.ContentType).toBe('text/javascript; charset=utf-8');
  });
});
