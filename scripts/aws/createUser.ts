import { createUserCommand } from './commands/createUser';
import { runFromCommandLine } from './lib/runScript';

await runFromCommandLine(createUserCommand);
