import type { FuzzCase } from './cases';
import type { RawResult } from './rawHttp';

const S3_ERROR = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Error><Code>[A-Za-z0-9]+<\/Code><Message>[^<]*<\/Message>.*<\/Error>$/s;

function jsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Cognito's JSON error: `{"__type": …}` and the same code in `x-amzn-ErrorType`. */
function jsonErrorProblem(answer: { headers: Map<string, string>; body: Buffer }): string | undefined {
  const body = jsonObject(answer.body);
  if (!body || typeof body.__type !== 'string' || body.__type === '') return 'error without a JSON __type';
  if (answer.headers.get('x-amzn-errortype') !== `${body.__type}:`) return `x-amzn-ErrorType does not name ${body.__type}`;
  return undefined;
}

/**
 * What is wrong with an answer, or undefined when it is AWS-shaped for its route: never a hang-up or a
 * 500 (an unexpected exception inside the emulator), JSON errors with `__type` for the Cognito endpoint and
 * `/_local`, S3's XML `<Error><Code>` for everything path-style (no body at all for HEAD).
 */
export function shapeProblem(fuzzCase: FuzzCase, result: RawResult): string | undefined {
  if (result.kind === 'timeout') return 'no answer within the time limit';
  if (result.kind === 'hangup') return `connection closed without an answer (${result.error ?? `${result.bytes} bytes`})`;
  const { status, body } = result;
  const { method } = fuzzCase.request;
  if (status >= 500 && status !== 501) return `status ${status}`;
  switch (fuzzCase.family) {
    case 'json':
      if (status === 200) return jsonObject(body) ? undefined : 'success without a JSON object';
      return jsonErrorProblem(result);
    case 'local':
      if (method === 'HEAD' || method === 'OPTIONS') return status < 500 ? undefined : `status ${status}`;
      if (status >= 400) return jsonErrorProblem(result);
      return jsonObject(body) ? undefined : 'local answer that is not a JSON object';
    case 's3':
      if (method === 'HEAD') return body.length === 0 ? undefined : 'HEAD answer with a body';
      if (status < 300 || status === 304) return undefined;
      return S3_ERROR.test(body.toString('utf8')) ? undefined : `S3 error ${status} without <Error><Code>: ${body.toString('utf8').slice(0, 80)}`;
    case 'unparseable':
      if (status !== 400) return `status ${status} for an unparseable request`;
      return S3_ERROR.test(body.toString('utf8')) ? undefined : 'unparseable request answered without an S3 error document';
  }
}

/** One line that reproduces a case in a failure message. */
export function describeCase(fuzzCase: FuzzCase): string {
  const { method, target, headers, body } = fuzzCase.request;
  const shown = headers.map(([n, v]) => `${n}: ${v.slice(0, 60)}`).join(' | ');
  return `${method} ${target.slice(0, 120)} [${shown}] body ${body.length} bytes: ${body.subarray(0, 60).toString('latin1')}`;
}
