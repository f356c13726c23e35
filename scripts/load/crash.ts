import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AdminSetUserPasswordCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { LocalConfigDocument } from '../../local/localConfig';
import { startEmulatorProcess, type EmulatorProcess } from './emulatorProcess';
import { adminClients, createLoadUsers } from './setup';
import type { LoadUser } from './virtualClient';

export interface CrashReport {
  acknowledgedObjects: number;
  acknowledgedPasswordChanges: number;
  /** Requests in flight when the process died (they got no answer). */
  cutOff: number;
  jsonFiles: number;
  /** Data files that did not parse after the kill (must be none). */
  tornFiles: string[];
  /** Temp files still there once the restarted emulator loaded the data dir (must be none). */
  tempFilesAfterRestart: number;
  /** Acknowledged objects missing or with another body after the restart (must be none). */
  brokenObjects: string[];
  /** The last acknowledged password (or the one in flight at the kill) signs in. */
  passwordKept: boolean;
  usersChecked: number;
  usersSigningIn: number;
  ok: boolean;
}

const md5 = (data: Uint8Array) => createHash('md5').update(data).digest('hex');

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat();
}

async function tornJsonFiles(dataDir: string): Promise<{ count: number; torn: string[] }> {
  const files = (await walk(dataDir)).filter((f) => f.endsWith('.json'));
  const torn: string[] = [];
  for (const file of files) {
    try {
      JSON.parse(await readFile(file, 'utf8'));
    } catch {
      torn.push(path.relative(dataDir, file));
    }
  }
  return { count: files.length, torn };
}

async function signsIn(config: LocalConfigDocument, email: string, password: string): Promise<boolean> {
  const admin = adminClients(config);
  try {
    const out = await admin.idp.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.userPoolClientId, AuthParameters: { USERNAME: email, PASSWORD: password } }),
    );
    return out.AuthenticationResult?.IdToken !== undefined;
  } catch {
    return false;
  } finally {
    admin.destroy();
  }
}

export interface CrashInput {
  emulator: EmulatorProcess;
  config: LocalConfigDocument;
  port: number;
  dataDir: string;
  env: Record<string, string>;
  users: readonly LoadUser[];
  /** Acknowledged uploads to wait for before the kill. */
  minAcknowledged: number;
}

interface Burst {
  bucket: string;
  victim: LoadUser;
  /** key → MD5 of the body, for every acknowledged PutObject. */
  acked: Map<string, string>;
  passwords: { lastAcked: string; inFlight?: string; changes: number };
  cutOff: number;
}

/** Six uploaders and a password changer with the admin keys, until `kill -9` lands in the middle of them. */
async function burstUntilKilled(input: CrashInput, victim: LoadUser): Promise<Burst> {
  const { config } = input;
  const admin = adminClients(config);
  const burst: Burst = {
    bucket: Object.values(config.buckets)[0] ?? '',
    victim,
    acked: new Map(),
    passwords: { lastAcked: victim.password, changes: 0 },
    cutOff: 0,
  };
  let stopping = false;
  const writer = async (w: number) => {
    for (let i = 0; !stopping; i++) {
      const key = `load-crash/w${w}/${i}.bin`;
      const body = randomBytes(1024 + ((w * 7919 + i * 104_729) % 60_000));
      await admin.s3.send(new PutObjectCommand({ Bucket: burst.bucket, Key: key, Body: body }));
      burst.acked.set(key, md5(body));
    }
  };
  const passwordChanger = async () => {
    for (let n = 0; !stopping; n++) {
      const password = `Crash-Passw0rd-${n}!`;
      burst.passwords.inFlight = password;
      await admin.idp.send(new AdminSetUserPasswordCommand({ UserPoolId: config.userPoolId, Username: victim.email, Password: password, Permanent: true }));
      burst.passwords.lastAcked = password;
      burst.passwords.changes += 1;
    }
  };
  // A loop ends when its request is cut off by the kill (or refused right after it).
  const loops = [0, 1, 2, 3, 4, 5].map((w) => writer(w).catch(() => void (burst.cutOff += 1)));
  loops.push(passwordChanger().catch(() => void (burst.cutOff += 1)));

  const deadline = Date.now() + 30_000;
  while ((burst.acked.size < input.minAcknowledged || burst.passwords.changes < 3) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
  }
  await input.emulator.killHard();
  stopping = true;
  await Promise.all(loops);
  admin.destroy();
  return burst;
}

/** Acknowledged objects that are missing or hold another body on the restarted emulator. */
async function brokenObjects(config: LocalConfigDocument, burst: Burst): Promise<string[]> {
  const admin = adminClients(config);
  const broken: string[] = [];
  const keys = [...burst.acked.keys()];
  for (let i = 0; i < keys.length; i += 16) {
    await Promise.all(
      keys.slice(i, i + 16).map(async (key) => {
        try {
          const object = await admin.s3.send(new GetObjectCommand({ Bucket: burst.bucket, Key: key }));
          if (md5((await object.Body?.transformToByteArray()) ?? new Uint8Array()) !== burst.acked.get(key)) broken.push(key);
        } catch {
          broken.push(key);
        }
      }),
    );
  }
  admin.destroy();
  return broken;
}

/**
 * A write burst — PutObject with the administrator's keys from several writers, and password changes —
 * then `kill -9` of the emulator's process group in the middle of it, a restart on the same data dir,
 * and the checks: every data file parses, no temp file survives the load, every acknowledged object has
 * its body, the last acknowledged password works, and the load's users still sign in.
 */
export async function crashDuringWrites(input: CrashInput): Promise<{ report: CrashReport; emulator: EmulatorProcess }> {
  const { config } = input;
  const [victim] = await createLoadUsers(config, 1, `crash-${Date.now()}`);
  if (!victim) throw new Error('could not create the password-change user');
  const burst = await burstUntilKilled(input, victim);

  const files = await tornJsonFiles(input.dataDir);
  const emulator = await startEmulatorProcess(input.port, input.dataDir, input.env);
  const tempFilesAfterRestart = (await walk(input.dataDir)).filter((f) => f.includes('.tmp-')).length;
  const broken = await brokenObjects(config, burst);
  const { lastAcked, inFlight } = burst.passwords;
  const candidates = [lastAcked, inFlight].filter((p): p is string => p !== undefined);
  const passwordKept = (await Promise.all(candidates.map((p) => signsIn(config, victim.email, p)))).some(Boolean);
  const sample = input.users.slice(0, 10);
  const usersSigningIn = (await Promise.all(sample.map((u) => signsIn(config, u.email, u.password)))).filter(Boolean).length;

  const report: CrashReport = {
    acknowledgedObjects: burst.acked.size,
    acknowledgedPasswordChanges: burst.passwords.changes,
    cutOff: burst.cutOff,
    jsonFiles: files.count,
    tornFiles: files.torn,
    tempFilesAfterRestart,
    brokenObjects: broken,
    passwordKept,
    usersChecked: sample.length,
    usersSigningIn,
    ok: false,
  };
  report.ok =
    report.cutOff > 0 &&
    report.tornFiles.length === 0 &&
    report.tempFilesAfterRestart === 0 &&
    report.brokenObjects.length === 0 &&
    report.passwordKept &&
    report.usersSigningIn === report.usersChecked;
  return { report, emulator };
}
