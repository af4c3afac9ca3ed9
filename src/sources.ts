import { randomUUID } from 'node:crypto';
import { randomIdSource, type IdSource } from './aep/ids.js';

/** Every source of time and randomness the emulator's state depends on, chosen once at start. */
export type Sources = {
  clock: () => Date;
  /** Record ids and the messageIds the emulator fills in. */
  uuid: () => string;
  /** AEP ids, etags, inlet ids and times. */
  aepIds: IdSource;
};

export function randomSources(): Sources {
  return { clock: () => new Date(), uuid: randomUUID, aepIds: randomIdSource() };
}

/** Where deterministic time starts: any fixed instant works; this one reads well in exports. */
export const DETERMINISTIC_EPOCH = Date.UTC(2024, 0, 1);

/**
 * Reproducible sources for `--deterministic`: a clock that starts at DETERMINISTIC_EPOCH and
 * advances one millisecond per reading, and ids from a seeded PRNG (mulberry32). The same
 * requests in the same order then give byte-identical state, whatever the wall clock says.
 */
export function deterministicSources(seed: number): Sources {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (length: number): string => {
    let out = '';
    while (out.length < length)
      out += Math.floor(random() * 0x1_0000_0000)
        .toString(16)
        .padStart(8, '0');
    return out.slice(0, length);
  };
  let ms = DETERMINISTIC_EPOCH;
  const now = (): number => ms++;
  const uuid = (): string => {
    const h = hex(32);
    // Version 4 and the RFC 4122 variant, so the ids look like the random ones.
    const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  return { clock: () => new Date(now()), uuid, aepIds: { uuid, hex, now } };
}
