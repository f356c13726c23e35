import { uploadSamplesCommand } from './commands/uploadSamples';
import { runFromCommandLine } from './lib/runScript';

await runFromCommandLine(uploadSamplesCommand);
