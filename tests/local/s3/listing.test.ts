import { describe, expect, it } from 'vitest';
import { compareUtf8 } from '../../../local/s3/keyIndex';
import {
  decodeContinuationToken,
  encodeContinuationToken,
  listPage,
  s3UrlEncode,
} from '../../../local/s3/listing';

describe('listing over the sorted key index', () => {
  it('orders keys by UTF-8 bytes, not UTF-16 units', () => {
    // U+FF5E is 3 bytes (EF BD 9E), U+1F436 is 4 bytes (F0 9F 90 B6): bytes put the emoji last,
    // UTF-16 (surrogate D83D < FF5E) would put it first.
    expect(['🐶', '～'].sort(compareUtf8)).toEqual(['～', '🐶']);
    expect(['🐶', '～'].sort()).toEqual(['🐶', '～']);
  });

  it('pages through 20,000 keys in well under a second', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `photos/${String(i).padStart(5, '0')}.jpg`);
    const started = performance.now();
    let resume;
    let total = 0;
    let pages = 0;
    do {
      const page = listPage(keys, { prefix: 'photos/', resume, maxKeys: 1000 });
      total += page.keys.length;
      pages++;
      resume = page.isTruncated ? page.last : undefined;
    } while (resume);
    expect(total).toBe(20_000);
    expect(pages).toBe(20);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('skips every key under a common prefix already reported', () => {
    const keys = ['a/1', 'a/2', 'a/3', 'b', 'c/1'];
    const first = listPage(keys, { prefix: '', delimiter: '/', maxKeys: 1 });
    expect(first).toMatchObject({ keys: [], commonPrefixes: ['a/'], isTruncated: true });
    const second = listPage(keys, { prefix: '', delimiter: '/', maxKeys: 1, resume: first.last });
    expect(second).toMatchObject({ keys: ['b'], commonPrefixes: [], isTruncated: true });
    const third = listPage(keys, { prefix: '', delimiter: '/', maxKeys: 1, resume: second.last });
    expect(third).toMatchObject({ keys: [], commonPrefixes: ['c/'], isTruncated: false });
  });

  it('round-trips continuation tokens and refuses forged ones', () => {
    const token = encodeContinuationToken({ after: '写真/a b', isCommonPrefix: true });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeContinuationToken(token)).toEqual({ after: '写真/a b', isCommonPrefix: true });
    expect(decodeContinuationToken('not a token')).toBeUndefined();
    expect(decodeContinuationToken(Buffer.from('[1]').toString('base64url'))).toBeUndefined();
  });

  it('encodes like S3 encoding-type=url: space as +, literal + as %2B, slashes kept', () => {
    expect(s3UrlEncode('a b+c/100%/猫')).toBe('a+b%2Bc/100%25/%E7%8C%AB');
  });
});
