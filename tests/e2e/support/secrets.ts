import { loadConfig } from '../../../local/config';
import { SEEDED_USERS } from '../../../local/seed/users';

/** A JWT: three dot-separated base64url parts, the first a JSON header (`{"` → `eyJ`). */
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/;

export interface SecretCheck {
  /** Where the lines come from, for the report: "console", "npm start output". */
  source: string;
  lines: readonly string[];
  passwords: readonly string[];
  /** Secret keys, session tokens, refresh tokens handed out during the spec (AwsTraffic.secrets). */
  secrets: Iterable<string>;
}

/**
 * `npm start` prints the seeded demo users with their passwords on purpose (a newcomer's first sign-in;
 * the README lists them too): exactly those lines — the user's email, its seeded password and its note —
 * are not a leak. A password the user chose, or any seeded password anywhere else, is.
 */
function isSeededUserLine(line: string, source: string): boolean {
  return (
    source === 'npm start output' &&
    SEEDED_USERS.some(
      (user) => line.includes(user.email) && line.includes(user.password) && line.includes(user.note),
    )
  );
}

/**
 * Lines that contain a password, a JWT or a secret key, described without repeating the secret (the
 * report of a leak must not be a second leak). Empty when clean.
 */
export function findLeaks({ source, lines, passwords, secrets }: SecretCheck): string[] {
  const adminSecret = loadConfig({}).admin.secretAccessKey;
  const secretList = [adminSecret, ...secrets].filter((s) => s.length >= 8);
  const leaks: string[] = [];
  lines
    .flatMap((chunk) => chunk.split('\n'))
    .forEach((line, index) => {
      const where = `${source} line ${index + 1}`;
      if (!isSeededUserLine(line, source)) {
        passwords.forEach((password, n) => {
          if (line.includes(password)) leaks.push(`${where} contains password #${n + 1}`);
        });
      }
      if (JWT.test(line)) leaks.push(`${where} contains a JWT`);
      if (secretList.some((secret) => line.includes(secret)))
        leaks.push(`${where} contains a secret key or token`);
    });
  return leaks;
}
