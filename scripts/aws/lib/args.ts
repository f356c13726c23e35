import { DEFAULT_STACK_NAME, STACK_NAME_ENV } from '../../../infra/lib/contract';

/**
 * Command-line parsing for the scripts in scripts/aws: `--name value`, `--name=value` and boolean
 * `--flag`. Pure, so every rejection is unit-tested without AWS.
 */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; description: string }>;
export type ParsedOptions = Record<string, string | boolean | undefined>;

/** A mistake in how the script was called: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Options every script takes: which stack, which profile, which region. */
export const COMMON_OPTIONS: OptionSpec = {
  stack: { type: 'string', description: `CloudFormation stack name (default ${DEFAULT_STACK_NAME}, or $${STACK_NAME_ENV})` },
  profile: { type: 'string', description: 'AWS named profile (default: $AWS_PROFILE or the default chain)' },
  region: { type: 'string', description: 'AWS region of the stack (default: $AWS_REGION or the profile\'s region)' },
  help: { type: 'boolean', description: 'Show this help' },
};

export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedOptions {
  const options: ParsedOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new UsageError(`Unexpected argument "${arg}": options look like --name value`);
    const name = match[1] ?? '';
    const option = spec[name];
    if (!option) throw new UsageError(`Unknown option --${name}`);
    if (name in options) throw new UsageError(`--${name} given twice`);
    if (option.type === 'boolean') {
      if (match[2] !== undefined) throw new UsageError(`--${name} is a flag and takes no value`);
      options[name] = true;
      continue;
    }
    let value = match[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      value = next;
      i += 1;
    }
    if (value.trim() === '') throw new UsageError(`--${name} needs a value`);
    options[name] = value.trim();
  }
  return options;
}

export function usage(command: string, summary: string, spec: OptionSpec): string {
  const width = Math.max(...Object.keys(spec).map((name) => name.length)) + 2;
  const lines = Object.entries(spec).map(
    ([name, { type, description }]) => `  --${name.padEnd(width)}${type === 'string' ? '<value>  ' : '         '}${description}`,
  );
  return [`Usage: ${command} [options]`, '', summary, '', 'Options:', ...lines].join('\n');
}

export function stringOption(options: ParsedOptions, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const PROFILE = /^[A-Za-z0-9_.+@-]{1,64}$/;

export interface Target {
  stackName: string;
  profile?: string;
  region?: string;
}

/** Which stack, in which account and region: from options, then environment, then defaults. */
export function resolveTarget(options: ParsedOptions, env: Record<string, string | undefined>): Target {
  const stackName = stringOption(options, 'stack') ?? (env[STACK_NAME_ENV]?.trim() || DEFAULT_STACK_NAME);
  if (!STACK_NAME.test(stackName)) throw new UsageError(`"${stackName}" is not a CloudFormation stack name`);
  const profile = stringOption(options, 'profile');
  if (profile !== undefined && !PROFILE.test(profile)) throw new UsageError(`"${profile}" is not a profile name`);
  const region = stringOption(options, 'region');
  if (region !== undefined && !REGION.test(region)) throw new UsageError(`"${region}" is not an AWS region name (e.g. ap-northeast-1)`);
  return { stackName, ...(profile !== undefined ? { profile } : {}), ...(region !== undefined ? { region } : {}) };
}
