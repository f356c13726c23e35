import { runLoad } from './load';
import { LoadOptionError, parseLoadOptions } from './options';
import { formatReport, passed } from './report';

/**
 * `npm run load [-- --clients 50 --duration 60 --max-requests N --seed N --faults '<rules JSON>']`:
 * mixed traffic against a fresh emulator of its own on 127.0.0.1, then a kill -9 mid-write and the
 * integrity checks. Exits 1 on any unexpected error or lost write, 2 on a bad option.
 */
async function main(): Promise<void> {
  let options;
  try {
    options = parseLoadOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof LoadOptionError) {
      process.stderr.write(`load: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const report = await runLoad(options, (line) => process.stdout.write(`load: ${line}\n`));
  process.stdout.write(`\n${formatReport(report).join('\n')}\n`);
  process.exit(passed(report) ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`load: failed: ${String(error)}\n`);
  process.exit(1);
});
