import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../local/config';
import { DEMO_USER } from '../../../local/seed/users';
import { freePort, startEmulatorProcess, type EmulatorProcess } from '../../../scripts/load/emulatorProcess';
import { jsonCase, localCase, s3Case, UNPARSEABLE, unparseableCase, type FuzzCase } from './cases';
import { Rng } from './random';
import { sendRaw } from './rawHttp';
import { describeCase, shapeProblem } from './shape';

/** Fixed so CI repeats the same requests; FUZZ_SEED picks another run, FUZZ_CASES another size. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_501);
const CASES = Number(process.env.FUZZ_CASES ?? 400);
const BATCH = 50;
const PARALLEL = 4;

function buildCase(rng: Rng): FuzzCase {
  const roll = rng.float();
  if (roll < 0.4) return jsonCase(rng);
  if (roll < 0.85) return s3Case(rng);
  if (roll < 0.95) return localCase(rng);
  return unparseableCase(rng);
}

/**
 * Randomised malformed requests across every route — broken, deep and huge JSON, wrong types, random
 * X-Amz-Target values, bad and duplicated headers, broken Authorization and presign queries, malformed XML,
 * random query strings, keys with `../`, NUL, bad percent-encoding and invalid UTF-8 — against the
 * emulator as a child process. Every answer is AWS-shaped, the process never dies, and normal signed
 * requests succeed after each batch.
 */
describe('fuzz: malformed requests on every route', () => {
  let dataDir = '';
  let emulator: EmulatorProcess;
  let port = 0;
  const config = loadConfig({});

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (set FUZZ_SEED to change), ${CASES} cases`);
    dataDir = await mkdtemp(path.join(tmpdir(), 'local-aws-fuzz-'));
    port = await freePort();
    emulator = await startEmulatorProcess(port, dataDir);
  }, 90_000);
  afterAll(async () => {
    await emulator.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function normalRequestsSucceed(): Promise<void> {
    const base = { endpoint: emulator.url, region: config.region, maxAttempts: 1 };
    const s3 = new S3Client({ ...base, forcePathStyle: true, credentials: config.admin });
    const idp = new CognitoIdentityProviderClient(base);
    try {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: config.buckets.cat }));
      expect(page.KeyCount).toBeGreaterThan(0);
      const auth = await idp.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: config.userPoolClientId,
          AuthParameters: { USERNAME: DEMO_USER.email, PASSWORD: DEMO_USER.password },
        }),
      );
      expect(auth.AuthenticationResult?.IdToken).toBeTruthy();
    } finally {
      s3.destroy();
      idp.destroy();
    }
  }

  it('answers what Node cannot parse with S3\'s BadRequest document rather than a bare 400', async () => {
    for (const request of UNPARSEABLE) {
      const result = await sendRaw(port, request);
      expect(shapeProblem({ family: 'unparseable', request }, result), request.method + ' ' + request.target.slice(0, 40)).toBeUndefined();
      if (result.kind === 'answer') expect(result.body.toString()).toMatch(/<Code>(BadRequest|RequestHeaderSectionTooLarge)<\/Code>/);
    }
    await normalRequestsSucceed();
  });

  it('answers every case AWS-shaped and keeps serving', { timeout: 300_000 }, async () => {
    const rng = new Rng(SEED);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (let done = 0; done < CASES; done += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, CASES - done) }, () => buildCase(rng));
      for (let i = 0; i < batch.length; i += PARALLEL) {
        await Promise.all(
          batch.slice(i, i + PARALLEL).map(async (fuzzCase) => {
            const result = await sendRaw(port, fuzzCase.request);
            if (result.kind === 'answer') statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
            const problem = shapeProblem(fuzzCase, result);
            if (problem) problems.push(`${problem} ← ${describeCase(fuzzCase)}`);
          }),
        );
      }
      expect(emulator.alive(), `the emulator died in the batch after case ${done}`).toBe(true);
      await normalRequestsSucceed();
    }
    console.log(`fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(problems, `seed ${SEED}`).toEqual([]);
    // An exception the emulator did not expect is logged as "internal error" even when answered.
    expect(emulator.output()).not.toMatch(/internal error|response failed/);
  });
});
