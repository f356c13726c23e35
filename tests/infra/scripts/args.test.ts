import { describe, expect, it } from 'vitest';
import { COMMON_OPTIONS, UsageError, parseArgs, resolveTarget, usage, type OptionSpec } from '../../../scripts/aws/lib/args';

const spec: OptionSpec = {
  email: { type: 'string', description: 'address' },
  'send-email': { type: 'boolean', description: 'flag' },
  ...COMMON_OPTIONS,
};

describe('parseArgs', () => {
  it('reads --name value, --name=value and flags', () => {
    expect(parseArgs(['--email', 'a@example.com', '--send-email', '--region=eu-west-1'], spec)).toEqual({
      email: 'a@example.com',
      'send-email': true,
      region: 'eu-west-1',
    });
  });

  it('keeps = inside a value', () => {
    expect(parseArgs(['--email=a=b@example.com'], spec)).toEqual({ email: 'a=b@example.com' });
  });

  it.each([
    [['--nope'], 'Unknown option --nope'],
    [['stray'], 'Unexpected argument "stray"'],
    [['-e', 'x'], 'Unexpected argument "-e"'],
    [['--email'], '--email needs a value'],
    [['--email', '--send-email'], '--email needs a value'],
    [['--email='], '--email needs a value'],
    [['--send-email=yes'], '--send-email is a flag and takes no value'],
    [['--email', 'a', '--email', 'b'], '--email given twice'],
  ])('rejects %j: %s', (argv, message) => {
    expect(() => parseArgs(argv, spec)).toThrow(UsageError);
    expect(() => parseArgs(argv, spec)).toThrow(message);
  });

  it('lists every option in the usage text', () => {
    const text = usage('npm run x --', 'Does x.', spec);
    for (const name of Object.keys(spec)) expect(text).toContain(`--${name}`);
  });
});

describe('resolveTarget', () => {
  it('defaults the stack name to the shared constant and leaves profile and region to the SDK', () => {
    expect(resolveTarget({}, {})).toEqual({ stackName: 'CognitoGalleryStack' });
  });

  it('prefers --stack over GALLERY_STACK_NAME', () => {
    expect(resolveTarget({}, { GALLERY_STACK_NAME: 'Env' }).stackName).toBe('Env');
    expect(resolveTarget({ stack: 'Arg' }, { GALLERY_STACK_NAME: 'Env' }).stackName).toBe('Arg');
  });

  it('passes profile and region through', () => {
    expect(resolveTarget({ profile: 'work', region: 'ap-northeast-1' }, {})).toEqual({
      stackName: 'CognitoGalleryStack',
      profile: 'work',
      region: 'ap-northeast-1',
    });
  });

  it.each([
    [{ stack: 'bad name' }, 'is not a CloudFormation stack name'],
    [{ region: 'Tokyo' }, 'is not an AWS region name'],
    [{ profile: 'a b' }, 'is not a profile name'],
  ])('rejects %j', (options, message) => {
    expect(() => resolveTarget(options, {})).toThrow(message);
  });
});
