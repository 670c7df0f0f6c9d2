/**
 * Seeded, order-independent chance for the emulator: every draw is a pure function of the
 * seed, a key and a counter, so two runs with the same seed and the same requests per key give
 * the same answers even when requests of different keys interleave differently.
 */

/** 32-bit FNV-1a of a string, then a final avalanche so near keys land far apart. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) for (seed, key, n). */
export function unitDraw(seed: number, key: string, n: number): number {
  return hash32(`${seed}|${key}|${n}`) / 2 ** 32;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A 22-character request id (the live API's length and alphabet), the n-th for this seed. */
export function requestIdFor(seed: number, n: number): string {
  let out = '';
  for (let block = 0; out.length < 22; block++) {
    let h = hash32(`rid|${seed}|${n}|${block}`);
    for (let i = 0; i < 5 && out.length < 22; i++) {
      out += B64URL[h & 63];
      h >>>= 6;
    }
  }
  return out;
}
