import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { faultError } from '../../local/faults/faultErrors';
import { seededRandom } from '../../local/faults/random';
import type { CallStatsSnapshot } from '../../local/faults/stats';
import { crashDuringWrites, type CrashReport } from './crash';
import { freePort, startEmulatorProcess, type EmulatorProcess } from './emulatorProcess';
import type { LoadOptions } from './options';
import { Recorder, type LoadError, type OperationFigures } from './recorder';
import { createLoadUsers, fetchLocalConfig, listGalleryObjects } from './setup';
import { createVirtualClient } from './virtualClient';

export interface LoadReport {
  options: LoadOptions;
  url: string;
  users: number;
  /** Wall-clock seconds of the traffic phase. */
  seconds: number;
  figures: OperationFigures[];
  totalRequests: number;
  /** Errors nobody asked for: must be none. */
  unexpected: LoadError[];
  /** "operation: code" → count, for errors the run provoked on purpose. */
  asked: Record<string, number>;
  /** What the emulator itself counted during the traffic (GET /_local/stats). */
  emulatorCounted: CallStatsSnapshot;
  emulatorSurvivedTraffic: boolean;
  crash: CrashReport;
}

/** Which errors were asked for: the deliberately bad refresh token, and whatever the fault rules answer. */
function expectedErrors(options: LoadOptions): (error: LoadError) => boolean {
  const codes = new Set(options.faults.map((rule) => faultError(rule.service, rule)?.code).filter((c) => c !== undefined));
  const resets = options.faults.some((rule) => rule.fault === 'reset');
  return (error) =>
    (error.operation === 'GetTokensFromRefreshToken (bad token)' && error.code === 'NotAuthorizedException') ||
    codes.has(error.code) ||
    (resets && error.status === undefined);
}

/**
 * `npm run load`: its own emulator (a child process on a free 127.0.0.1 port, temp data dir), load
 * users created with the admin keys, then `clients` virtual clients for `durationSeconds` (or until
 * `maxRequests`), then the kill -9 write burst and its checks. The emulator and its data dir are removed
 * at the end, whatever happened.
 */
export async function runLoad(options: LoadOptions, log: (line: string) => void = () => undefined): Promise<LoadReport> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'local-aws-load-'));
  const port = await freePort();
  const env: Record<string, string> = options.faults.length > 0 ? { LOCAL_AWS_FAULTS: JSON.stringify(options.faults) } : {};
  let emulator: EmulatorProcess | undefined;
  try {
    emulator = await startEmulatorProcess(port, dataDir, env);
    const config = await fetchLocalConfig(emulator.url);
    log(`emulator ${emulator.url} (pid ${emulator.pid}, data ${dataDir})`);
    const users = await createLoadUsers(config, Math.min(options.clients, 50), `${Date.now()}`);
    const objects = await listGalleryObjects(config);
    log(`${users.length} load users, ${objects.length} gallery objects; ${options.clients} clients for ${options.durationSeconds} s`);

    const recorder = new Recorder(expectedErrors(options));
    await fetch(`${emulator.url}/_local/stats`, { method: 'DELETE' });
    const started = performance.now();
    const deadline = started + options.durationSeconds * 1000;
    const until = () => performance.now() >= deadline || recorder.total() >= options.maxRequests;
    const clients = Array.from({ length: options.clients }, (_, i) => {
      const user = users[i % users.length] ?? { email: '', password: '' };
      return createVirtualClient(config, user, objects, recorder);
    });
    await Promise.all(clients.map((client, i) => client.run(seededRandom(options.seed + i), until)));
    const seconds = (performance.now() - started) / 1000;
    for (const client of clients) client.destroy();
    const emulatorSurvivedTraffic = emulator.alive();
    const emulatorCounted = (await (await fetch(`${emulator.url}/_local/stats`)).json()) as CallStatsSnapshot;
    log(`traffic done: ${recorder.total()} requests in ${seconds.toFixed(1)} s; write burst and kill -9 next`);

    const crashed = await crashDuringWrites({ emulator, config, port, dataDir, env, users, minAcknowledged: 150 });
    emulator = crashed.emulator;
    return {
      options,
      url: emulator.url,
      users: users.length,
      seconds,
      figures: recorder.figures(seconds),
      totalRequests: recorder.total(),
      unexpected: recorder.unexpected,
      asked: Object.fromEntries(recorder.asked),
      emulatorCounted,
      emulatorSurvivedTraffic,
      crash: crashed.report,
    };
  } finally {
    await emulator?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
