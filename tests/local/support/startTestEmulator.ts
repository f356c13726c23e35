import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type EmulatorConfig } from '../../../local/config';
import { createOffsetClock, type ManualClock } from '../../../local/clock';
import { createMemoryLogger } from '../../../local/log';
import { createEmulator } from '../../../local/emulator';
import type { RunningEmulator } from '../../../local/server';

export interface TestEmulator extends RunningEmulator {
  config: EmulatorConfig;
  clock: ManualClock;
  logger: ReturnType<typeof createMemoryLogger>;
  dataDir: string;
  /** Stops the server; the data dir stays for a restart. */
  stop(): Promise<void>;
  /** Stops and deletes the data dir. */
  dispose(): Promise<void>;
}

export interface TestEmulatorOptions {
  env?: Record<string, string>;
  seed?: boolean;
  /** Reuse a data dir (restart tests). */
  dataDir?: string;
  clock?: ManualClock;
}

/** Starts a real emulator on port 0 with a fresh temp data dir and a clock the test can move. */
export async function startTestEmulator(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'local-aws-test-')));
  const config = loadConfig({ ...options.env, LOCAL_AWS_PORT: '0', LOCAL_AWS_DATA_DIR: dataDir });
  const clock = options.clock ?? createOffsetClock();
  const logger = createMemoryLogger();
  const running = await createEmulator(config, { clock, logger, seed: options.seed ?? true });
  return {
    ...running,
    config,
    clock,
    logger,
    dataDir,
    stop: () => running.close(),
    dispose: async () => {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
