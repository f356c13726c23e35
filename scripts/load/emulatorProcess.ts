import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export { freePort } from '../harness/freePort';

export interface EmulatorProcess {
  url: string;
  pid: number;
  /** Everything the emulator printed, trimmed to the last lines (it logs every sign-in). */
  output(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** `kill -9` of its process group (tsx runs node as a child of its own). */
  killHard(): Promise<void>;
  /** SIGTERM, as Ctrl-C: the emulator flushes and exits. */
  stop(): Promise<void>;
}

const KEEP_CHARS = 64_000;

/**
 * `tsx local/main.ts` — the emulator exactly as `npm run emulator` runs it — in its own process group on
 * 127.0.0.1:`port` with `dataDir`; resolves once it printed "listening on" (after the first-start seed).
 */
export async function startEmulatorProcess(
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['local/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOCAL_AWS_PORT: String(port), LOCAL_AWS_DATA_DIR: dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEEP_CHARS);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  while (!output.includes('listening on')) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`emulator exited early:\n${output}`);
    if (Date.now() > deadline) {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      throw new Error(`emulator did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid ?? 0;
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    url,
    pid,
    output: () => output,
    alive,
    killHard: async () => {
      // The negative pid names the group spawned here (detached), never anything else.
      if (alive()) process.kill(-pid, 'SIGKILL');
      await exited;
    },
    stop: async () => {
      if (alive()) process.kill(-pid, 'SIGTERM');
      await exited;
    },
  };
}
