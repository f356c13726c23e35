import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface Stack {
  appUrl: string;
  emulatorUrl: string;
  /** Everything the process printed (for assertions that no secret is logged). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real `npm start` (emulator + Vite dev server) on free ports with a fresh data dir, exactly as
 * a user would, and waits until both answer.
 */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const [emulatorPort, vitePort] = [await freePort(), await freePort()];
  const dataDir = await mkdtemp(path.join(tmpdir(), 'e2e-local-aws-'));
  const child: ChildProcess = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      LOCAL_AWS_PORT: String(emulatorPort),
      VITE_PORT: String(vitePort),
      LOCAL_AWS_DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const appUrl = `http://127.0.0.1:${vitePort}`;
  const deadline = Date.now() + 60_000;
  while (!/App:/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`npm start did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { appUrl, emulatorUrl: `http://127.0.0.1:${emulatorPort}`, output: () => output, stop };
}
