import type { EmulatorConfig } from './config';
import { systemClock, type Clock } from './clock';
import { createConsoleLogger, type Logger } from './log';
import { FileStore } from './store/fileStore';
import { startEmulator, type RunningEmulator } from './server';
import { seedIfEmpty } from './seed/seed';

export interface CreateEmulatorOptions {
  clock?: Clock;
  logger?: Logger;
  /** Skip the seed data (tests that want an empty world). */
  seed?: boolean;
}

/** Opens the data dir, seeds it on first start, and serves. The one entry point for main, start and tests. */
export async function createEmulator(config: EmulatorConfig, options: CreateEmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createConsoleLogger();
  const store = await FileStore.open(config.dataDir, { reset: config.reset });
  return startEmulator({
    config,
    clock,
    logger,
    store,
    prepare: options.seed === false ? undefined : seedIfEmpty,
  });
}
