import { spawn } from 'node:child_process';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../local/config';
import { startTestEmulator } from '../support/startTestEmulator';
import { failure, faultApi } from './support';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

/** `LOCAL_AWS_FAULTS`: rules active from the start, validated before anything listens. */
describe('fault injection: LOCAL_AWS_FAULTS', () => {
  it('is off by default', () => {
    expect(loadConfig({}).faults).toEqual([]);
  });

  it.each([
    ['not json', 'must be a JSON array of fault rules'],
    ['{"service":"s3","fault":"503"}', 'must be a JSON array of fault rules'],
    ['[{"service":"s3","fault":"503"},{"service":"s3","fault":"bad code!"}]', 'rule 1: fault "bad code!"'],
    ['[{"service":"cognito-idp","action":"InitiateAuth","fault":"latency"}]', 'rule 0: latency needs latencyMs'],
  ])('refuses %s with a ConfigError naming the setting', (raw, message) => {
    const error = configError({ LOCAL_AWS_FAULTS: raw });
    expect(error.setting).toBe('LOCAL_AWS_FAULTS');
    expect(error.message).toContain(message);
  });

  it('stops `npm run emulator` with the message, before the port opens', { timeout: 60_000 }, async () => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['local/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOCAL_AWS_PORT: '0', LOCAL_AWS_FAULTS: '[{"service":"sqs","fault":"500"}]' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('local-aws: invalid setting LOCAL_AWS_FAULTS: rule 0: service must be one of');
  });

  it('applies the rules from the first call and lists them as env rules', async () => {
    const rules = [{ service: 's3', action: 'ListObjectsV2', fault: 'throttle', count: 1 }];
    const emu = await startTestEmulator({ env: { LOCAL_AWS_FAULTS: JSON.stringify(rules) } });
    const s3 = new S3Client({
      endpoint: emu.url,
      region: emu.config.region,
      forcePathStyle: true,
      credentials: emu.config.admin,
      maxAttempts: 1,
    });
    try {
      const api = faultApi(emu);
      expect(await api.rules()).toMatchObject([{ source: 'env', service: 's3', fault: 'throttle', remaining: 1 }]);
      const list = () => s3.send(new ListObjectsV2Command({ Bucket: emu.config.buckets.cat }));
      expect(await failure(list())).toMatchObject({ name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
      expect((await list()).KeyCount).toBeGreaterThan(0);
    } finally {
      s3.destroy();
      await emu.dispose();
    }
  });
});
