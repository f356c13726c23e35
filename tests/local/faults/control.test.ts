import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { faultApi } from './support';

/** The control endpoints themselves, and what `count`, `rate` and rule order mean. */
describe('fault injection: /_local/faults and /_local/stats', () => {
  let emu: TestEmulator;
  let api: ReturnType<typeof faultApi>;
  let listPath = '';

  beforeAll(async () => {
    emu = await startTestEmulator();
    api = faultApi(emu);
    listPath = `${emu.url}/${emu.config.buckets.cat ?? ''}?list-type=2`;
  });
  afterEach(async () => {
    await api.clear();
  });
  afterAll(() => emu.dispose());

  /** An anonymous list: 403 AccessDenied when it runs, the fault's status when it is faulted. */
  const anonymousList = async () => (await fetch(listPath)).status;

  it('adds, lists, deletes one rule and clears all', async () => {
    const added = await api.call('POST', '/_local/faults', { service: 's3', action: 'ListObjectsV2', fault: '503', count: 2 });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ id: expect.stringMatching(/^fault-\d+$/), rule: { service: 's3', fault: '503', count: 2 } });
    const second = await api.add({ service: 'cognito-idp', fault: 'throttle' });
    expect(await api.rules()).toMatchObject([
      { id: added.json.id, source: 'api', remaining: 2, matched: 0, hits: 0, active: true },
      { id: second, source: 'api', remaining: null, active: true },
    ]);
    expect((await api.call('DELETE', `/_local/faults/${second}`)).json).toEqual({ removed: 1 });
    const missing = await api.call('DELETE', `/_local/faults/${second}`);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ __type: 'ResourceNotFoundException' });
    expect((await api.clear()).json).toEqual({ removed: 1 });
    expect(await api.rules()).toEqual([]);
  });

  it.each([
    [{ service: 'dynamodb', fault: '500' }, 'service must be one of'],
    [{ service: 'cognito-idp', action: 'GetTokenFromRefreshToken', fault: '500' }, 'action "GetTokenFromRefreshToken"'],
    [{ service: 's3', action: 'ListObjectsV2', fault: 'explode' }, 'fault "explode"'],
    [{ service: 's3', fault: 'latency' }, 'latency needs latencyMs'],
    [{ service: 's3', fault: '503', rate: 1.5 }, 'rate must be a number from 0 to 1'],
    [{ service: 's3', fault: '503', count: 0 }, 'count must be a whole number'],
    [{ service: 'cognito-idp', fault: '503', bucket: 'local-cat-photos' }, 'bucket applies to s3 rules only'],
    [{ service: 's3', fault: '503', status: 418 }, 'status applies to AWS error codes only'],
    [{ service: 's3', fault: 'reset', message: 'x' }, 'message does not apply'],
    [{ service: 's3', fault: '503', cuont: 2 }, 'unknown field "cuont"'],
  ])('refuses %j with a ValidationException naming the problem', async (rule, message) => {
    const res = await api.call('POST', '/_local/faults', rule);
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('ValidationException:');
    expect(res.json.__type).toBe('ValidationException');
    expect(String(res.json.message)).toContain(message);
    expect(await api.rules()).toEqual([]);
  });

  it('answers a body that is not a JSON object with SerializationException, other methods with 405', async () => {
    const res = await fetch(`${emu.url}/_local/faults`, { method: 'POST', body: '{"service":' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { __type: string }).__type).toBe('SerializationException');
    const array = await api.call('POST', '/_local/faults', [{ service: 's3', fault: '503' }]);
    expect(array.json.__type).toBe('SerializationException');
    const put = await api.call('PUT', '/_local/faults');
    expect(put.status).toBe(405);
    expect(put.json.__type).toBe('MethodNotAllowed');
  });

  it('answers preflights allowing DELETE, and every answer carries open CORS', async () => {
    const pre = await fetch(`${emu.url}/_local/faults`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'DELETE' },
    });
    expect(pre.status).toBe(200);
    expect(pre.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect((await api.call('GET', '/_local/stats')).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('count faults exactly the next N matching calls', async () => {
    const id = await api.add({ service: 's3', action: 'ListObjectsV2', fault: '503', count: 2 });
    expect([await anonymousList(), await anonymousList(), await anonymousList()]).toEqual([503, 503, 403]);
    expect(await api.rule(id)).toMatchObject({ remaining: 0, hits: 2, matched: 2, active: false });
  });

  it('rate faults that share of calls, the same calls for the same seed; rate 0 none, rate 1 all', async () => {
    const run = async (rule: Record<string, unknown>, calls: number) => {
      await api.clear();
      await api.add({ service: 's3', action: 'ListObjectsV2', fault: '503', ...rule });
      const statuses: number[] = [];
      for (let i = 0; i < calls; i++) statuses.push(await anonymousList());
      return statuses.map((s, i) => (s === 503 ? i : -1)).filter((i) => i >= 0);
    };
    const first = await run({ rate: 0.3, seed: 42 }, 200);
    expect(first.length).toBeGreaterThan(35);
    expect(first.length).toBeLessThan(85);
    expect(await run({ rate: 0.3, seed: 42 }, 200)).toEqual(first);
    expect(await run({ rate: 0.3, seed: 43 }, 200)).not.toEqual(first);
    expect(await run({ rate: 0 }, 20)).toEqual([]);
    expect((await run({ rate: 1 }, 20)).length).toBe(20);
    expect((await run({ rate: 0.5, count: 3 }, 40)).length).toBe(3);
  });

  it('applies the first rule that fires, in the order the rules were added', async () => {
    const first = await api.add({ service: 's3', action: 'ListObjectsV2', fault: '500', count: 1 });
    const second = await api.add({ service: 's3', fault: '503' });
    expect([await anonymousList(), await anonymousList()]).toEqual([500, 503]);
    expect(await api.rule(first)).toMatchObject({ hits: 1, matched: 1 });
    expect(await api.rule(second)).toMatchObject({ hits: 1, matched: 1 });
  });

  it('counts identified calls per service, action and bucket; preflights and /_local are not counted', async () => {
    await api.resetStats();
    await anonymousList();
    await fetch(`${emu.url}/${emu.config.buckets.dog ?? ''}/max-golden.jpg`);
    await fetch(emu.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSCognitoIdentityService.GetId', 'content-type': 'application/x-amz-json-1.1' },
      body: '{}',
    });
    await fetch(`${emu.url}/${emu.config.buckets.cat ?? ''}`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'GET' },
    });
    await api.add({ service: 's3', action: 'GetObject', fault: 'throttle', count: 1 });
    await fetch(`${emu.url}/${emu.config.buckets.dog ?? ''}/max-golden.jpg`);
    const stats = await api.stats();
    expect(stats).toMatchObject({
      total: 4,
      calls: { s3: { ListObjectsV2: 1, GetObject: 2 }, 'cognito-identity': { GetId: 1 } },
      buckets: { [emu.config.buckets.cat ?? '']: { ListObjectsV2: 1 }, [emu.config.buckets.dog ?? '']: { GetObject: 2 } },
      faulted: { s3: { GetObject: 1 } },
    });
    expect(Date.parse(stats.since)).not.toBeNaN();
    const zeroed = (await api.resetStats()).json;
    expect(zeroed).toMatchObject({ total: 0, calls: {}, buckets: {}, faulted: {} });
  });
});
