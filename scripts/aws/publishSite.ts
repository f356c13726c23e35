import { publishSiteCommand } from './commands/publishSite';
import { runFromCommandLine } from './lib/runScript';

await runFromCommandLine(publishSiteCommand);
