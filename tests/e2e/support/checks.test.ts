import { describe, expect, it } from 'vitest';
import { DEMO_USER, NEW_USER } from '../../../local/seed/users';
import { unexpectedProblems, type PageProblem } from './pageProblems';
import { findLeaks } from './secrets';

/** The checks every browser spec ends with must be able to fail: here they are shown failing. */
describe('secret checks', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXBhcnQ';

  it('finds a JWT, a typed password and a handed-out secret, without repeating them', () => {
    const leaks = findLeaks({
      source: 'console',
      lines: ['fine', `token ${jwt}`, 'pw My-Chosen-Pw1!', 'key abcdefgh12345678SECRET'],
      passwords: ['My-Chosen-Pw1!'],
      secrets: ['abcdefgh12345678SECRET'],
    });
    expect(leaks).toEqual([
      'console line 2 contains a JWT',
      'console line 3 contains password #1',
      'console line 4 contains a secret key or token',
    ]);
    expect(leaks.join(' ')).not.toMatch(/eyJ|My-Chosen|SECRET/);
  });

  it('finds the emulator administrator secret key', () => {
    const leaks = findLeaks({
      source: 'npm start output',
      lines: ['secret local-admin-secret-key-not-for-aws'],
      passwords: [],
      secrets: [],
    });
    expect(leaks).toHaveLength(1);
  });

  it('accepts only npm start’s seeded-user lines, and only in its output', () => {
    const banner = `    ${DEMO_USER.email.padEnd(20)} ${DEMO_USER.password.padEnd(16)} ${DEMO_USER.note}`;
    const elsewhere = `signed in ${DEMO_USER.email} with ${DEMO_USER.password}`;
    const passwords = [DEMO_USER.password, NEW_USER.password];
    expect(findLeaks({ source: 'npm start output', lines: [banner], passwords, secrets: [] })).toEqual([]);
    expect(
      findLeaks({ source: 'npm start output', lines: [elsewhere], passwords, secrets: [] }),
    ).toHaveLength(1);
    expect(findLeaks({ source: 'console', lines: [banner], passwords, secrets: [] })).toHaveLength(1);
  });
});

describe('console problems', () => {
  const failed = (url: string, status: number, tab = 0): PageProblem => ({
    kind: 'console.error',
    text: `Failed to load resource: the server responded with a status of ${status} (Bad Request)`,
    url,
    tab,
  });

  it('excuses exactly one failed-request line per expected failure, and nothing else', () => {
    const problems = [
      failed('http://127.0.0.1:1/', 400),
      failed('http://127.0.0.1:1/', 400, 1),
      failed('http://127.0.0.1:1/', 403),
      { kind: 'pageerror' as const, text: 'boom', url: '', tab: 0 },
    ];
    expect(unexpectedProblems(problems, [{ url: 'http://127.0.0.1:1/', status: 400 }])).toEqual(
      problems.slice(1),
    );
    expect(unexpectedProblems(problems)).toEqual(problems);
  });
});
