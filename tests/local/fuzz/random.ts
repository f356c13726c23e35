import { seededRandom } from '../../../local/faults/random';

/** Seeded choices for the fuzz cases: the same seed always builds the same requests. */
export class Rng {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = seededRandom(seed);
  }

  float(): number {
    return this.next();
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  bytes(length: number): Buffer {
    return Buffer.from(Array.from({ length }, () => this.int(0, 255)));
  }

  /** Printable text with some awkward characters mixed in. */
  text(maxLength: number): string {
    const alphabet = 'abcXYZ019 -_./%+&=?#:;,"\'<>\\{}[]~!@$^*()|`ねこ🐱\u202e\u0000\t\n';
    return Array.from({ length: this.int(0, maxLength) }, () => this.pick([...alphabet])).join('');
  }

  /** A JSON value of random shape: wrong types where a field expects a string, nesting, big numbers. */
  jsonValue(depth = 0): unknown {
    const kind = this.int(0, depth > 2 ? 5 : 7);
    switch (kind) {
      case 0:
        return this.text(40);
      case 1:
        return this.pick([0, -1, 1e308, -0.5, 2 ** 53 + 1, 42]);
      case 2:
        return this.chance(0.5);
      case 3:
        return null;
      case 4:
        return 'x'.repeat(this.int(1000, 300_000));
      case 5:
        return this.pick(['', 'USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'PASSWORD_VERIFIER', 'demo@example.com']);
      case 6:
        return Array.from({ length: this.int(0, 4) }, () => this.jsonValue(depth + 1));
      default:
        return Object.fromEntries(Array.from({ length: this.int(0, 4) }, () => [this.text(12), this.jsonValue(depth + 1)]));
    }
  }
}
