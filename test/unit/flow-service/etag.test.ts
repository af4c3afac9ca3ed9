import { describe, expect, it } from 'vitest';
import {
  checkIfMatch,
  cosmosEtagBody,
  cosmosEtagSource,
  createEtag,
  ifMatchError,
  sequentialEtagSource,
  unquoteEtag,
  type IfMatchOutcome,
} from '../../../src/aep/flow-service/query/index.js';

const CURRENT = '"7e05f181-0000-0200-0000-638e84f40000"';

describe('etag generation', () => {
  it('wraps the source value in literal quotes, as Flow Service stores etag and version', () => {
    expect(createEtag(() => 'abc')).toBe('"abc"');
    expect(JSON.stringify({ etag: createEtag(() => 'abc') })).toBe('{"etag":"\\"abc\\""}');
  });

  it('has the Cosmos DB shape, with the write time in hex seconds (update-dataflows.md example)', () => {
    // etag "5400d99c-0000-0200-0000-60358d540000" belongs to updatedAt 1614122324830.
    expect(cosmosEtagBody(1614122324830, () => 0x5400d99c / 0x1_0000_0000)).toBe(
      '5400d99c-0000-0200-0000-60358d540000',
    );
    expect(cosmosEtagBody(0, () => 0)).toBe('00000000-0000-0200-0000-000000000000');
    expect(cosmosEtagBody(1000, () => 0.999999999999)).toBe('ffffffff-0000-0200-0000-000000010000');
  });

  it('takes its clock and randomness as parameters', () => {
    const source = cosmosEtagSource(
      () => 1670284532000,
      () => 0.5,
    );
    expect(createEtag(source)).toBe('"80000000-0000-0200-0000-638e84f40000"');
  });

  it('changes on every call by default', () => {
    const source = cosmosEtagSource();
    const etags = new Set(Array.from({ length: 20 }, () => createEtag(source)));
    expect(etags.size).toBeGreaterThan(1);
    for (const etag of etags) expect(etag).toMatch(/^"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{8}0000"$/);
  });

  it('has a deterministic sequence for tests and seeded runs', () => {
    const source = sequentialEtagSource();
    expect([createEtag(source), createEtag(source)]).toEqual([
      '"00000001-0000-0200-0000-000000000000"',
      '"00000002-0000-0200-0000-000000000000"',
    ]);
    expect(createEtag(sequentialEtagSource(255))).toBe('"000000ff-0000-0200-0000-000000000000"');
  });
});

describe('If-Match', () => {
  const rows: [string, string | string[] | undefined, IfMatchOutcome][] = [
    ['with quotes, as update-dataflows.md sends it', '"7e05f181-0000-0200-0000-638e84f40000"', 'ok'],
    ['without quotes', '7e05f181-0000-0200-0000-638e84f40000', 'ok'],
    ['weak', 'W/"7e05f181-0000-0200-0000-638e84f40000"', 'ok'],
    ['JSON-escaped quotes copied from a body', '\\"7e05f181-0000-0200-0000-638e84f40000\\"', 'ok'],
    ['with spaces around', '  "7e05f181-0000-0200-0000-638e84f40000" ', 'ok'],
    ['a list containing it', '"old", "7e05f181-0000-0200-0000-638e84f40000"', 'ok'],
    ['an array of header values', ['"old"', '"7e05f181-0000-0200-0000-638e84f40000"'], 'ok'],
    ['absent', undefined, 'missing'],
    ['empty', '', 'missing'],
    ['only quotes', '""', 'missing'],
    ['an older etag', '"1a0037e4-0000-0200-0000-602e06f60000"', 'stale'],
    ['a prefix of the etag', '"7e05f181"', 'stale'],
    ['a wildcard', '*', 'stale'],
  ];

  it.each(rows)('%s', (_label, header, outcome) => {
    expect(checkIfMatch(header, CURRENT)).toBe(outcome);
  });

  it('unquotes an etag for comparison', () => {
    expect(unquoteEtag('W/"abc"')).toBe('abc');
    expect(unquoteEtag('"abc"')).toBe('abc');
    expect(unquoteEtag('abc')).toBe('abc');
  });

  it('maps a missing header to 1403 and a stale one to 1404-412, in Adobe words', () => {
    expect(ifMatchError('"7e05f181-0000-0200-0000-638e84f40000"', CURRENT)).toBeUndefined();
    const missing = ifMatchError(undefined, CURRENT);
    expect([missing?.code, missing?.status, missing?.title, missing?.message]).toEqual([
      1403,
      400,
      'Header is missing',
      "The header 'If-Match' is missing in the request. Please provide the header and try again.",
    ]);
    const stale = ifMatchError('"v1"', CURRENT);
    expect([stale?.code, stale?.status, stale?.title, stale?.errorId, stale?.message]).toEqual([
      1404,
      412,
      'Version not matching',
      'FLOW-1404-412',
      "The supplied version 'v1' does not match the current version on entity '7e05f181-0000-0200-0000-638e84f40000'. Please ensure that the supplied version matches the current version on entity and try again.",
    ]);
  });
});
