import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../local/config';
import { createEmulator } from '../local/emulator';
import { SEEDED_USERS } from '../local/seed/users';

/**
 * `npm start`: the emulator and the Vite dev server together, one Ctrl-C stops both. The app reads its
 * settings from the emulator (`/_local/config`), so nothing needs configuring.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function integerSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConfigError(name, `must be a port number between 1 and 65535, got "${raw}"`);
  }
  return Number(raw);
}

async function main(): Promise<void> {
  const vitePort = integerSetting('VITE_PORT', 5173);
  const appUrl = `http://127.0.0.1:${vitePort}`;
  const env = {
    ...process.env,
    LOCAL_AWS_ALLOWED_ORIGINS:
      process.env.LOCAL_AWS_ALLOWED_ORIGINS ?? `${appUrl},http://localhost:${vitePort}`,
  };
  const config = loadConfig(env, process.argv.slice(2));
  const emulator = await createEmulator(config);

  const vite = spawn(path.join(root, 'node_modules', '.bin', 'vite'), ['--strictPort', '--clearScreen', 'false'], {
    cwd: root,
    env: { ...env, VITE_PORT: String(vitePort), VITE_LOCAL_AWS_ENDPOINT: emulator.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    vite.kill('SIGTERM');
    await emulator.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  vite.on('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`start: the dev server exited (code ${code ?? 'signal'})\n`);
      void stop(code ?? 1);
    }
  });

  let announced = false;
  vite.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (!announced && /ready in|Local:/.test(text)) {
      announced = true;
      const users = SEEDED_USERS.map((u) => `    ${u.email.padEnd(20)} ${u.password.padEnd(16)} ${u.note}`).join('\n');
      process.stdout.write(
        [
          '',
          `  App:       ${appUrl}`,
          `  Local AWS: ${emulator.url}  (region ${config.region}, data in ${path.relative(root, config.dataDir) || '.'})`,
          '  Users:',
          users,
          '',
          '  Ctrl-C stops both.',
          '',
        ].join('\n'),
      );
    } else if (/error/i.test(text)) {
      process.stdout.write(text);
    }
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`start: invalid setting ${error.message}\n`);
    process.exit(2);
  }
  const code = (error as NodeJS.ErrnoException).code;
  process.stderr.write(
    code === 'EADDRINUSE'
      ? 'start: the emulator port is in use; stop the other process or set LOCAL_AWS_PORT\n'
      : `start: ${String(error)}\n`,
  );
  process.exit(1);
});
