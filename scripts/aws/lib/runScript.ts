import { COMMON_OPTIONS, UsageError, parseArgs, resolveTarget, usage, type OptionSpec, type ParsedOptions, type Target } from './args';
import { explainAwsError } from './awsErrors';
import type { AwsAccess } from './session';

/** Everything a script touches outside itself, so tests can run it against local endpoints. */
export interface ScriptIo {
  argv: readonly string[];
  access: AwsAccess;
  /** Folder relative paths are resolved against (the repository root under npm). */
  cwd: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface ScriptDefinition {
  command: string;
  summary: string;
  options: OptionSpec;
  main: (options: ParsedOptions, target: Target, io: ScriptIo) => Promise<void>;
}

export function processIo(): ScriptIo {
  return {
    argv: process.argv.slice(2),
    access: { env: process.env },
    cwd: process.cwd(),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  };
}

/**
 * The shell around each script: parse and validate arguments (exit 2 with usage), run, and turn any
 * failure into one explained line (exit 1) — never a stack trace, never a secret. Returns the exit code.
 */
export async function runScript({ command, summary, options: own, main }: ScriptDefinition, io: ScriptIo): Promise<number> {
  const spec = { ...own, ...COMMON_OPTIONS };
  let target: Target | undefined;
  try {
    const options: ParsedOptions = parseArgs(io.argv, spec);
    if (options.help) {
      io.out(usage(command, summary, spec));
      return 0;
    }
    target = resolveTarget(options, io.access.env);
    await main(options, target, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${usage(command, summary, spec)}`);
      return 2;
    }
    io.err(`Error: ${explainAwsError(error, target ?? { stackName: '(unknown)' })}`);
    return 1;
  }
}

/** Entry point of a script file: real process, real AWS. */
export async function runFromCommandLine(definition: ScriptDefinition): Promise<void> {
  process.exitCode = await runScript(definition, processIo());
}
