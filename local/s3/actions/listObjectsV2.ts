import type { ListObjectsV2Output } from '@aws-sdk/client-s3';
import { xmlEscape } from '../../http/xmlProtocol';
import { bucketKeys, getObjectRecord, type ObjectRecord } from '../objects';
import {
  decodeContinuationToken,
  encodeContinuationToken,
  listPage,
  s3UrlEncode,
  type ListPosition,
} from '../listing';
import { InvalidArgument } from '../errors';
import type { S3Action } from '../s3Request';

const DEFAULT_MAX_KEYS = 1000;
const INT32_MAX = 2_147_483_647;

interface ListParams {
  prefix: string;
  delimiter?: string;
  startAfter?: string;
  continuationToken?: string;
  resume?: ListPosition;
  maxKeys: number;
  encode: boolean;
}

function parseParams(query: URLSearchParams): ListParams {
  const rawMaxKeys = query.get('max-keys');
  let maxKeys = DEFAULT_MAX_KEYS;
  if (rawMaxKeys !== null) {
    if (!/^-?\d+$/.test(rawMaxKeys) || Math.abs(Number(rawMaxKeys)) > INT32_MAX) {
      throw new InvalidArgument(
        'Provided max-keys not an integer or within integer range',
        'max-keys',
        rawMaxKeys,
      );
    }
    maxKeys = Number(rawMaxKeys);
    if (maxKeys < 0)
      throw new InvalidArgument(
        'Argument maxKeys must be an integer between 0 and 2147483647',
        'maxKeys',
        rawMaxKeys,
      );
  }
  const encodingType = query.get('encoding-type');
  if (encodingType !== null && encodingType !== 'url') {
    throw new InvalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encodingType);
  }
  const continuationToken = query.get('continuation-token') ?? undefined;
  const resume = continuationToken === undefined ? undefined : decodeContinuationToken(continuationToken);
  if (continuationToken !== undefined && !resume) {
    throw new InvalidArgument(
      'The continuation token provided is incorrect',
      'continuation-token',
      continuationToken,
    );
  }
  return {
    prefix: query.get('prefix') ?? '',
    // S3 treats an empty delimiter as none, and does not echo it.
    delimiter: query.get('delimiter') || undefined,
    startAfter: query.get('start-after') ?? undefined,
    continuationToken,
    resume,
    maxKeys,
    encode: encodingType === 'url',
  };
}

function element(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${xmlEscape(String(value))}</${name}>`;
}

function contentsXml(record: ObjectRecord, encode: (v: string) => string): string {
  return (
    '<Contents>' +
    element('Key', encode(record.key)) +
    element('LastModified', new Date(record.lastModified).toISOString()) +
    element('ETag', record.etag) +
    element('Size', record.size) +
    element('StorageClass', 'STANDARD') +
    '</Contents>'
  );
}

/**
 * ListObjectsV2 — `GET /{bucket}?list-type=2`. Answers exactly what Amplify Storage's validators expect:
 * KeyCount = Contents + CommonPrefixes, IsTruncated ⇔ NextContinuationToken, Prefix always echoed,
 * Delimiter / ContinuationToken / StartAfter / EncodingType only when sent, MaxKeys as sent (a page never
 * holds more than 1000 entries), and with `encoding-type=url` the Key, Prefix, Delimiter, StartAfter and
 * CommonPrefixes values URL-encoded.
 *
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 */
export const listObjectsV2: S3Action = (deps) => async (request) => {
  const params = parseParams(request.http.query);
  const page = listPage(bucketKeys(deps, request.bucket), {
    prefix: params.prefix,
    delimiter: params.delimiter,
    startAfter: params.startAfter,
    resume: params.resume,
    maxKeys: Math.min(params.maxKeys, DEFAULT_MAX_KEYS),
  });
  const encode = params.encode ? s3UrlEncode : (v: string) => v;
  const records = page.keys
    .map((key) => getObjectRecord(deps, request.bucket, key))
    .filter((r): r is ObjectRecord => r !== undefined);
  const output: ListObjectsV2Output = {
    Name: request.bucket,
    Prefix: encode(params.prefix),
    Delimiter: params.delimiter === undefined ? undefined : encode(params.delimiter),
    StartAfter: params.startAfter === undefined ? undefined : encode(params.startAfter),
    ContinuationToken: params.continuationToken,
    NextContinuationToken: page.isTruncated && page.last ? encodeContinuationToken(page.last) : undefined,
    KeyCount: records.length + page.commonPrefixes.length,
    MaxKeys: params.maxKeys,
    EncodingType: params.encode ? 'url' : undefined,
    IsTruncated: page.isTruncated,
  };
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    element('Name', output.Name) +
    // Prefix is echoed even when empty, as S3 does.
    `<Prefix>${xmlEscape(output.Prefix ?? '')}</Prefix>` +
    element('ContinuationToken', output.ContinuationToken) +
    element('NextContinuationToken', output.NextContinuationToken) +
    element('StartAfter', output.StartAfter) +
    element('KeyCount', output.KeyCount) +
    element('MaxKeys', output.MaxKeys) +
    element('Delimiter', output.Delimiter) +
    element('EncodingType', output.EncodingType) +
    element('IsTruncated', output.IsTruncated) +
    records.map((record) => contentsXml(record, encode)).join('') +
    page.commonPrefixes
      .map((p) => `<CommonPrefixes>${element('Prefix', encode(p))}</CommonPrefixes>`)
      .join('') +
    '</ListBucketResult>';
  return {
    status: 200,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': request.http.requestId },
    body,
  };
};
