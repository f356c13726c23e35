import { writeEnvCommand } from './commands/writeEnv';
import { runFromCommandLine } from './lib/runScript';

await runFromCommandLine(writeEnvCommand);
