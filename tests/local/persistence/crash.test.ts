import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AdminSetUserPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../local/config';
import { DEMO_USER, NEW_USER } from '../../../local/seed/users';
import { adminClients, passwordSignIn } from './clients';
import { freePort, startEmulatorProcess, type EmulatorProcess } from '../../../scripts/load/emulatorProcess';

const md5 = (data: Uint8Array) => createHash('md5').update(data).digest('hex');

/** Every file under dir, recursively. */
async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  );
  return nested.flat();
}

/**
 * `kill -9` of the real emulator process in the middle of traffic (object uploads, password changes,
 * revocations), then a restart on the same data dir: every change the emulator acknowledged is there, and
 * no record file is torn.
 */
describe('persistence after kill -9 mid-traffic', () => {
  let dataDir = '';
  let child: EmulatorProcess | undefined;

  afterAll(async () => {
    await child?.killHard();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged change and never leaves a torn file', { timeout: 120_000 }, async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'local-aws-crash-'));
    const port = await freePort();
    const config = loadConfig({ LOCAL_AWS_PORT: String(port), LOCAL_AWS_DATA_DIR: dataDir });
    child = await startEmulatorProcess(port, dataDir);
    let clients = adminClients(child.url, config);

    // The new user picks a permanent password first, so it can sign in during the traffic.
    const userPassword = 'Crash-Test-Passw0rd!';
    const challenge = await passwordSignIn(clients.idp, config, NEW_USER.email, NEW_USER.password);
    await clients.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: config.userPoolClientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: NEW_USER.email, NEW_PASSWORD: userPassword },
      }),
    );

    const ackedObjects = new Map<string, string>();
    const ackedRevocations: string[] = [];
    const passwords = { lastAcked: DEMO_USER.password, inFlight: undefined as string | undefined };
    let stopping = false;
    const { idp, s3 } = clients;

    const uploader = async (worker: number) => {
      for (let i = 0; !stopping; i += 1) {
        const key = `crash/w${worker}/${i} ねこ.bin`;
        const body = randomBytes(1024 + ((worker * 7919 + i * 104729) % 150_000));
        await s3.send(new PutObjectCommand({ Bucket: config.buckets.cat, Key: key, Body: body }));
        ackedObjects.set(key, md5(body));
      }
    };
    const passwordChanger = async () => {
      for (let n = 0; !stopping; n += 1) {
        passwords.inFlight = `Crash-Passw0rd-${n}!`;
        await idp.send(
          new AdminSetUserPasswordCommand({
            UserPoolId: config.userPoolId,
            Username: DEMO_USER.email,
            Password: passwords.inFlight,
            Permanent: true,
          }),
        );
        passwords.lastAcked = passwords.inFlight;
      }
    };
    const revoker = async () => {
      while (!stopping) {
        const session = await passwordSignIn(idp, config, NEW_USER.email, userPassword);
        const token = session.AuthenticationResult?.RefreshToken ?? '';
        await idp.send(new RevokeTokenCommand({ ClientId: config.userPoolClientId, Token: token }));
        ackedRevocations.push(token);
      }
    };
    // Requests cut off by the kill fail (connection reset); only acknowledged changes are counted.
    let interrupted = 0;
    const cutOff = () => {
      interrupted += 1;
    };
    const traffic = [0, 1, 2, 3, 4, 5].map((w) => uploader(w).catch(cutOff));
    traffic.push(passwordChanger().catch(cutOff), revoker().catch(cutOff));

    while (ackedObjects.size < 60 || ackedRevocations.length < 3) await new Promise((r) => setTimeout(r, 20));
    await child.killHard();
    stopping = true;
    await Promise.all(traffic);
    clients.destroy();
    // The kill landed mid-traffic: requests were in flight and got no answer.
    expect(interrupted).toBeGreaterThan(0);

    // No torn record: every JSON file left on disk parses (temp files are the only partial writes).
    const files = await walk(dataDir);
    for (const file of files.filter((f) => f.endsWith('.json'))) {
      const text = await readFile(file, 'utf8');
      expect(() => JSON.parse(text) as unknown, file).not.toThrow();
    }

    child = await startEmulatorProcess(port, dataDir);
    clients = adminClients(child.url, config);
    expect((await walk(dataDir)).filter((f) => f.includes('.tmp-'))).toEqual([]);

    for (const [key, digest] of ackedObjects) {
      const object = await clients.s3.send(new GetObjectCommand({ Bucket: config.buckets.cat, Key: key }));
      expect(md5((await object.Body?.transformToByteArray()) ?? new Uint8Array()), key).toBe(digest);
    }
    for (const token of ackedRevocations) {
      await expect(
        clients.idp.send(
          new GetTokensFromRefreshTokenCommand({ ClientId: config.userPoolClientId, RefreshToken: token }),
        ),
      ).rejects.toMatchObject({
        message: 'Refresh Token has been revoked',
      });
    }
    // The last acknowledged password, or the one in flight at the kill if it made it to disk.
    const candidates = [passwords.lastAcked, passwords.inFlight].filter((p): p is string => p !== undefined);
    const results = await Promise.allSettled(
      candidates.map((p) => passwordSignIn(clients.idp, config, DEMO_USER.email, p)),
    );
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    expect(passwords.lastAcked).not.toBe(DEMO_USER.password);
    clients.destroy();
  });
});
