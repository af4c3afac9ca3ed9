import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Where AEP ids, etags and clocks come from. Passed in, so that tests (and a deterministic
 * mode) control them; nothing in src/aep calls the random or time functions directly.
 */
export type IdSource = {
  uuid(): string;
  /** Lower-case hex of `length` characters: 32 for mapping sets, 24 for datasets, 64 for inlets. */
  hex(length: number): string;
  /** Epoch milliseconds, as Flow Service and Catalog report times. */
  now(): number;
};

export function randomIdSource(): IdSource {
  return {
    uuid: randomUUID,
    hex: (length) =>
      randomBytes(Math.ceil(length / 2))
        .toString('hex')
        .slice(0, length),
    now: Date.now,
  };
}
