import { describe, expect, it } from 'vitest';
import { runLoad } from '../../../scripts/load/load';
import { LoadOptionError, parseLoadOptions } from '../../../scripts/load/options';
import { formatReport } from '../../../scripts/load/report';

describe('npm run load options', () => {
  it('defaults to 50 clients for 60 s and takes flags over the environment', () => {
    expect(parseLoadOptions([], {})).toMatchObject({ clients: 50, durationSeconds: 60, faults: [] });
    expect(parseLoadOptions(['--clients', '7', '--duration=3'], { LOAD_CLIENTS: '9', LOAD_DURATION_SECONDS: '4' })).toMatchObject({
      clients: 7,
      durationSeconds: 3,
    });
    expect(parseLoadOptions([], { LOAD_CLIENTS: '9' }).clients).toBe(9);
  });

  it.each([
    [['--clients', '0'], '--clients must be from 1 to 200'],
    [['--clients', '1000'], '--clients must be from 1 to 200'],
    [['--duration', '3601'], '--duration must be from 1 to 600'],
    [['--duration', 'long'], '--duration must be a whole number'],
    [['--clients'], '--clients needs a value'],
    [['--host', 'example.com'], 'unknown option --host'],
    [['--faults', '[{"service":"s3"}]'], '--faults rule 0: fault must be'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseLoadOptions(argv, {})).toThrow(LoadOptionError);
    expect(() => parseLoadOptions(argv, {})).toThrow(message);
  });
});

/**
 * The load run scaled down (10 clients × 5 s): its own emulator in a child process, SRP sign-ins,
 * refreshes, credential exchanges, lists and presigned gets with no unexpected error, the emulator's own
 * counts equal to the requests made, and every acknowledged write intact after a kill -9 mid-burst.
 * No timing is asserted: the figures are printed.
 */
describe('npm run load, scaled down', () => {
  it('drives mixed traffic with no unexpected error and survives kill -9 intact', { timeout: 180_000 }, async () => {
    const report = await runLoad({ clients: 10, durationSeconds: 5, maxRequests: 100_000, faults: [], seed: 1 });
    console.log(formatReport(report).join('\n'));

    expect(report.unexpected).toEqual([]);
    expect(report.emulatorSurvivedTraffic).toBe(true);
    const calls = Object.fromEntries(report.figures.map((f) => [f.operation, f.calls]));
    for (const operation of [
      'InitiateAuth (SRP)',
      'RespondToAuthChallenge',
      'GetTokensFromRefreshToken',
      'GetId',
      'GetCredentialsForIdentity',
      'ListObjectsV2',
      'GetObject (presigned)',
    ]) {
      expect(calls[operation], operation).toBeGreaterThan(0);
    }
    // Every request reached the emulator once and was counted under its action.
    const counted = report.emulatorCounted.calls;
    expect(counted['cognito-idp']).toEqual({
      InitiateAuth: calls['InitiateAuth (SRP)'],
      RespondToAuthChallenge: calls['RespondToAuthChallenge'],
      GetTokensFromRefreshToken: (calls['GetTokensFromRefreshToken'] ?? 0) + (calls['GetTokensFromRefreshToken (bad token)'] ?? 0),
    });
    expect(counted['cognito-identity']).toEqual({ GetId: calls['GetId'], GetCredentialsForIdentity: calls['GetCredentialsForIdentity'] });
    expect(counted.s3).toEqual({ ListObjectsV2: calls['ListObjectsV2'], GetObject: calls['GetObject (presigned)'] });
    // The only errors are the ones asked for.
    expect(Object.keys(report.asked).every((k) => k === 'GetTokensFromRefreshToken (bad token): NotAuthorizedException')).toBe(true);

    expect(report.crash).toMatchObject({ tornFiles: [], tempFilesAfterRestart: 0, brokenObjects: [], passwordKept: true, ok: true });
    expect(report.crash.cutOff).toBeGreaterThan(0);
    // The burst waits for 150 acknowledged uploads (or 30 s on a very busy machine) before the kill.
    expect(report.crash.acknowledgedObjects).toBeGreaterThan(0);
    expect(report.crash.acknowledgedPasswordChanges).toBeGreaterThan(0);
    expect(report.crash.usersSigningIn).toBe(report.crash.usersChecked);
  });
});
