import type { RawRequest } from './rawHttp';
import type { Rng } from './random';

/** Which answer shape a case expects: the route the emulator dispatches it to. */
export type Family = 'json' | 's3' | 'local' | 'unparseable';

export interface FuzzCase {
  family: Family;
  request: RawRequest;
}

const IDP = 'AWSCognitoIdentityProviderService';
const IDENTITY = 'AWSCognitoIdentityService';
const IDP_ACTIONS = ['InitiateAuth', 'RespondToAuthChallenge', 'GetTokensFromRefreshToken', 'GetUser', 'GlobalSignOut', 'RevokeToken',
  'ForgotPassword', 'ConfirmForgotPassword', 'AdminCreateUser', 'AdminSetUserPassword', 'AdminGetUser', 'AdminUserGlobalSignOut',
  'AdminDisableUser', 'AdminEnableUser', 'SignUp', 'ListUsers'];
const IDENTITY_ACTIONS = ['GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken', 'ListIdentities'];
const FIELDS = ['ClientId', 'AuthFlow', 'AuthParameters', 'ChallengeName', 'ChallengeResponses', 'Session', 'RefreshToken', 'AccessToken',
  'Token', 'Username', 'UserPoolId', 'Password', 'Permanent', 'TemporaryPassword', 'UserAttributes', 'MessageAction', 'ConfirmationCode',
  'IdentityPoolId', 'IdentityId', 'Logins', 'AccountId', 'CustomRoleArn', '__proto__', 'constructor'];

const AUTHORIZATIONS = [
  'garbage',
  'AWS4-HMAC-SHA256',
  'AWS4-HMAC-SHA256 Credential=AKIALOCALADMIN000001/20240101/ap-northeast-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
  'AWS4-HMAC-SHA256 Credential=AKIALOCALADMIN000001/20240101/ap-northeast-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=zz',
  'AWS4-HMAC-SHA256 Credential=/, SignedHeaders=, Signature=',
  'AWS4-HMAC-SHA256 Credential=ASIAXXXXXXXXXXXXXXXX/20991231/us-east-1/s3/aws4_request,SignedHeaders=host,Signature=' + 'a'.repeat(64),
  'AWS AKIALOCALADMIN000001:c2lnbmF0dXJl',
  'AWS4-HMAC-SHA256 Credential=AKIALOCALADMIN000001/2024/ap-northeast-1/s3/aws4_request, Credential=x, SignedHeaders=host, Signature=1',
  'Bearer eyJhbGciOiJub25lIn0.e30.',
];

/** A random Authorization / date / token header set, sometimes duplicated. */
function authHeaders(rng: Rng): [string, string][] {
  const headers: [string, string][] = [];
  if (rng.chance(0.6)) headers.push(['authorization', rng.pick(AUTHORIZATIONS)]);
  if (rng.chance(0.2)) headers.push(['authorization', rng.pick(AUTHORIZATIONS)]);
  if (rng.chance(0.4)) headers.push(['x-amz-date', rng.pick(['20240101T000000Z', '2024', 'now', '99999999T999999Z', ''])]);
  if (rng.chance(0.3)) headers.push(['x-amz-security-token', rng.pick(['', 'x'.repeat(5000), rng.text(30).replace(/[\r\n\0]/g, '')])]);
  if (rng.chance(0.3)) headers.push(['x-amz-content-sha256', rng.pick(['UNSIGNED-PAYLOAD', 'zz', 'aws-chunked', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', ''])]);
  return headers;
}

function jsonBody(rng: Rng): Buffer {
  switch (rng.int(0, 8)) {
    case 0:
      return Buffer.from('{"ClientId": "abc", "AuthFlow": ');
    case 1:
      return Buffer.from('['.repeat(rng.int(1000, 200_000)));
    case 2:
      return Buffer.from(`{"AuthParameters":${'{"a":'.repeat(rng.int(100, 20_000))}1${'}'.repeat(20_001)}`);
    case 3:
      return Buffer.from(JSON.stringify({ Logins: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`p${i}`, 'x'])) }));
    case 4:
      return Buffer.concat([Buffer.from('{"ClientId":"'), rng.bytes(20), Buffer.from('"}')]);
    case 5:
      return Buffer.from(rng.pick(['', 'null', '[]', '42', '"text"', '{}', '{"__proto__":{"admin":true}}', 'true']));
    default: {
      const body = Object.fromEntries(Array.from({ length: rng.int(0, 6) }, () => [rng.pick(FIELDS), rng.jsonValue()]));
      return Buffer.from(JSON.stringify(body));
    }
  }
}

function targetHeader(rng: Rng): [string, string][] {
  const target = rng.pick([
    `${IDP}.${rng.pick(IDP_ACTIONS)}`,
    `${IDENTITY}.${rng.pick(IDENTITY_ACTIONS)}`,
    `${IDP}.`,
    '.',
    `${IDP}`,
    `Foo.${rng.text(10).replace(/[\r\n\0]/g, '')}`,
    `${IDP}.${'A'.repeat(5000)}`,
    `${IDP}.constructor`,
    `${IDENTITY}.__proto__`,
  ]);
  const headers: [string, string][] = [['x-amz-target', target]];
  if (rng.chance(0.15)) headers.push(['x-amz-target', `${IDENTITY}.GetId`]);
  return headers;
}

export function jsonCase(rng: Rng): FuzzCase {
  const headers = targetHeader(rng);
  if (rng.chance(0.8)) headers.push(['content-type', rng.pick(['application/x-amz-json-1.1', 'application/json', 'text/plain', '', 'x/y; charset=utf-16'])]);
  headers.push(...authHeaders(rng));
  return { family: 'json', request: { method: 'POST', target: rng.chance(0.9) ? '/' : '/?x=1', headers, body: jsonBody(rng) } };
}

const BUCKETS = ['local-cat-photos', 'local-dog-photos', 'no-such-bucket-here', 'UPPER', 'a', 'xn--abc', 'bad_name', '..', '-x-', 'a'.repeat(70)];
const KEY_PARTS = ['../', '..%2F', '%2e%2e/', '%00', 'a%zz', '%', '%C3%28', '%FF%FE', '%E2%82', 'ねこ', '%F0%9F%90%B1', '//', '%20', '+',
  '%3Cscript%3E', 'etc/passwd', 'mochi-tabby.jpg', 'x'.repeat(1100), '%2F%2F', '~', '%25'];
const QUERIES = ['list-type=2', 'list-type=2&max-keys=-1', 'list-type=2&max-keys=abc', 'list-type=2&max-keys=99999999999999',
  'list-type=2&continuation-token=eyJ2IjoxfQ', 'list-type=2&continuation-token=%%%', 'list-type=2&encoding-type=xyz',
  'list-type=2&prefix=%C3%28&delimiter=%00', 'list-type=2&start-after=%FF', 'list-type=1', 'acl', 'tagging', 'uploads', 'versionId=1',
  'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=garbage&X-Amz-Date=bad&X-Amz-Expires=-5&X-Amz-SignedHeaders=host&X-Amz-Signature=zz',
  'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIALOCALADMIN000001%2F20240101%2Fap-northeast-1%2Fs3%2Faws4_request&X-Amz-Date=20240101T000000Z&X-Amz-Expires=999999999&X-Amz-SignedHeaders=host&X-Amz-Signature=00',
  'X-Amz-Algorithm=HMAC&X-Amz-Signature=1&X-Amz-Signature=2', 'X-Amz-Security-Token=%ZZ', '=&&==', 'response-content-type=%0d%0aX:1',
  'a=%E2%82', 'list-type=2&list-type=2&prefix=a&prefix=b'];
const XML_BODIES = ['<CreateBucketConfiguration><LocationConstraint>', '<?xml version="1.0"?><a><b></a>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><x>&b;</x>', '<Delete><Object><Key>../x</Key></Object>', '<<<>>>'];

function s3Headers(rng: Rng): [string, string][] {
  const headers = authHeaders(rng);
  if (rng.chance(0.3)) headers.push(['range', rng.pick(['bytes=', 'bytes=5-1', 'bytes=-0', 'items=1-2', 'bytes=0-1,2-3', 'bytes=99999999-'])]);
  if (rng.chance(0.2)) headers.push(['if-none-match', rng.pick(['*', '"x"', 'W/"', ''])]);
  if (rng.chance(0.2)) headers.push(['if-modified-since', rng.pick(['yesterday', 'Tue, 99 Foo 2024 99:99:99 GMT', ''])]);
  if (rng.chance(0.3)) headers.push(['origin', rng.pick(['http://127.0.0.1:5173', 'null', 'http://evil.example', '*'])]);
  if (rng.chance(0.2)) headers.push(['access-control-request-method', rng.pick(['GET', 'PUT', 'BREW', ''])]);
  if (rng.chance(0.2)) headers.push(['access-control-request-headers', rng.pick(['x-amz-date,authorization', '*', ',,,'])]);
  if (rng.chance(0.1)) headers.push(['x-amz-copy-source', '/local-cat-photos/mochi-tabby.jpg']);
  if (rng.chance(0.2)) headers.push(['content-md5', rng.pick(['zz', 'AAAAAAAAAAAAAAAAAAAAAA==', ''])]);
  if (rng.chance(0.2)) headers.push(['content-type', rng.pick(['application/xml', 'image/jpeg', '\u00e9t\u00e9'])]);
  return headers;
}

export function s3Case(rng: Rng): FuzzCase {
  const method = rng.pick(['GET', 'GET', 'PUT', 'HEAD', 'DELETE', 'POST', 'OPTIONS', 'PATCH']);
  const bucket = rng.pick(BUCKETS);
  const key = rng.chance(0.3) ? '' : `/${Array.from({ length: rng.int(1, 3) }, () => rng.pick(KEY_PARTS)).join('')}`;
  const query = rng.chance(0.6) ? `?${Array.from({ length: rng.int(1, 2) }, () => rng.pick(QUERIES)).join('&')}` : '';
  const body = method === 'PUT' || method === 'POST' ? (rng.chance(0.5) ? Buffer.from(rng.pick(XML_BODIES)) : rng.bytes(rng.int(0, 2000))) : Buffer.alloc(0);
  return { family: 's3', request: { method, target: `/${bucket}${key}${query}`, headers: s3Headers(rng), body } };
}

export function localCase(rng: Rng): FuzzCase {
  const path = rng.pick(['/_local/health', '/_local/config', '/_local/stats', '/_local/faults', `/_local/faults/${rng.text(8).replace(/[^a-z0-9-]/g, '')}`,
    '/_local/faults/%E2%82', '/_local/nope', '/_local/', '/ap-northeast-1_LocalPool/.well-known/jwks.json']);
  const method = rng.pick(['GET', 'POST', 'DELETE', 'PUT', 'OPTIONS', 'HEAD']);
  // Posted rules always carry an unknown field, so no case can install a real fault.
  const rule = { fuzz: true, service: rng.pick(['s3', 'cognito-idp', 'x', 7]), fault: rng.jsonValue(), count: rng.jsonValue() };
  const body = method === 'POST' ? (rng.chance(0.7) ? Buffer.from(JSON.stringify(rule)) : jsonBody(rng)) : Buffer.alloc(0);
  const headers: [string, string][] = rng.chance(0.5) ? [['content-type', 'application/json']] : [];
  // The JWKS document answers GET (and preflights); any other method there is an S3 request for a bucket
  // named like the pool. DELETE of all rules or stats is harmless here: the run installs none.
  const s3 = path.endsWith('jwks.json') && method !== 'GET' && method !== 'OPTIONS';
  return { family: s3 ? 's3' : 'local', request: { method, target: path, headers, body } };
}

/** Requests Node's HTTP parser itself refuses: bytes not allowed in a path or header, unknown methods, huge headers. */
export const UNPARSEABLE: readonly RawRequest[] = [
  { method: 'GET', target: `/local-cat-photos/${Buffer.from([0xff, 0xfe, 0x80]).toString('latin1')}.jpg`, headers: [], body: Buffer.alloc(0) },
  { method: 'GET', target: '/local-cat-photos/a b', headers: [], body: Buffer.alloc(0) },
  { method: 'GET', target: '/local-cat-photos/x', headers: [['x-bad', 'a\u0001b']], body: Buffer.alloc(0) },
  { method: 'BREW', target: '/', headers: [], body: Buffer.alloc(0) },
  { method: 'GET', target: '/local-cat-photos/x', headers: [['x-amz-meta-big', 'a'.repeat(20_000)]], body: Buffer.alloc(0) },
];

export function unparseableCase(rng: Rng): FuzzCase {
  return { family: 'unparseable', request: rng.pick(UNPARSEABLE) };
}
