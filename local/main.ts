import { ConfigError, loadConfig } from './config';
import { createEmulator } from './emulator';

/** `npm run emulator [-- --reset]`: the emulator alone, in the foreground. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`local-aws: invalid setting ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const emulator = await createEmulator(config);
  process.stdout.write(`local-aws: listening on ${emulator.url} (region ${config.region}, data in ${config.dataDir})\n`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    process.stderr.write('local-aws: the port is in use; set LOCAL_AWS_PORT to another port\n');
  } else {
    process.stderr.write(`local-aws: failed to start: ${String(error)}\n`);
  }
  process.exit(1);
});
