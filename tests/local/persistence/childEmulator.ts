import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export { freePort } from '../../../scripts/harness/freePort';

export interface ChildEmulator {
  url: string;
  process: ChildProcess;
  /** `kill -9` of the whole process group (tsx runs node as its own child). */
  killHard(): Promise<void>;
}

/** `tsx local/main.ts` as the user runs it (`npm run emulator`), in its own process group so it can be killed whole. */
export async function startChildEmulator(port: number, dataDir: string): Promise<ChildEmulator> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['local/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOCAL_AWS_PORT: String(port), LOCAL_AWS_DATA_DIR: dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  // main.ts prints its "listening on" line once createEmulator has resolved, i.e. after the first-start
  // seed; /_local/health already answers while seeding, so it cannot tell that the users exist yet.
  const deadline = Date.now() + 45_000;
  while (!output.includes('listening on')) {
    if (child.exitCode !== null) throw new Error(`emulator exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`emulator did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const health = await fetch(`${url}/_local/health`);
  if (!health.ok) throw new Error(`emulator is not healthy: ${health.status}`);

  return {
    url,
    process: child,
    killHard: async () => {
      // The negative pid names the group this test created (detached), never anything else.
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
  };
}
