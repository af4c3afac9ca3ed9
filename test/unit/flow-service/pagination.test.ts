import { describe, expect, it } from 'vitest';
import {
  buildNextHref,
  decodeContinuationToken,
  encodeContinuationToken,
  paginate,
  parsePageParams,
  queryFingerprint,
  type Page,
  type PageRequest,
} from '../../../src/aep/flow-service/query/index.js';

const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const FINGERPRINT = queryFingerprint(['scope:/flows']);

function itemsPage<T>(page: Page<T>): { items: T[]; nextToken?: string } {
  if ('count' in page) throw new Error('expected items, got a count');
  return page;
}

function pageOf(req: PageRequest, items: readonly string[] = LETTERS) {
  const result = paginate(items, req, FINGERPRINT);
  if (!result.ok) throw new Error(result.error.message);
  return itemsPage(result.value);
}

describe('parsePageParams', () => {
  const rows: [string, Record<string, string | string[]>, PageRequest][] = [
    ['nothing', {}, { count: false }],
    ['limit', { limit: '5' }, { count: false, limit: 5 }],
    ['count=true', { count: 'true' }, { count: true }],
    ["aepp's count=False with limit", { count: 'False', limit: '10' }, { count: false, limit: 10 }],
    ['count=TRUE', { count: 'TRUE' }, { count: true }],
    ['a token', { continuationToken: 'abc' }, { count: false, continuationToken: 'abc' }],
    ['an empty token is no token', { continuationToken: '' }, { count: false }],
    ['a repeated limit takes the first', { limit: ['3', '20'] }, { count: false, limit: 3 }],
  ];

  it.each(rows)('%s', (_label, query, expected) => {
    expect(parsePageParams(query)).toEqual({ ok: true, value: expected });
  });

  const LIMIT_COUNT =
    'The limit and count parameters cannot be given together in the same request. Please provide either only the limit or the count parameter and try again.';
  const errors: [string, Record<string, unknown>, number, string][] = [
    ['count=true with limit', { count: 'true', limit: '5' }, 1401, LIMIT_COUNT],
    ['count=True with limit', { count: 'True', limit: '1' }, 1401, LIMIT_COUNT],
    ['limit=0', { limit: '0' }, 1453, 'Invalid query value limit=0 provided in query param.'],
    ['negative limit', { limit: '-1' }, 1453, 'Invalid query value limit=-1 provided in query param.'],
    ['non-numeric limit', { limit: 'ten' }, 1453, 'Invalid query value limit=ten provided in query param.'],
    ['non-boolean count', { count: 'yes' }, 1453, 'Invalid query value count=yes provided in query param.'],
    [
      'a nested qs object',
      { limit: { a: '1' } },
      1453,
      'Invalid query value limit=[object Object] provided in query param.',
    ],
  ];

  it.each(errors)('%s is refused', (_label, query, code, message) => {
    const result = parsePageParams(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect({ code: result.error.code, status: result.error.status, message: result.error.message }).toEqual({
      code,
      status: 400,
      message,
    });
  });
});

describe('paginate', () => {
  it('walks every page with the tokens it hands out, and stops without a token', () => {
    const seen: string[][] = [];
    let token: string | undefined;
    let rounds = 0;
    do {
      const page = pageOf({ count: false, limit: 3, ...(token !== undefined && { continuationToken: token }) });
      seen.push(page.items);
      token = page.nextToken;
      rounds += 1;
    } while (token !== undefined && rounds < 10);
    expect(seen).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
  });

  it('hands out tokens that are url-safe and contain no =', () => {
    for (const limit of [1, 2, 3, 4, 5, 6]) {
      const token = pageOf({ count: false, limit }).nextToken;
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it('gives no token when the page reaches the end exactly', () => {
    expect(pageOf({ count: false, limit: 7 })).toEqual({ items: LETTERS });
  });

  it('returns everything without a limit', () => {
    expect(pageOf({ count: false })).toEqual({ items: LETTERS });
  });

  it('continues to the end when a token comes without a limit', () => {
    const token = encodeContinuationToken(5, FINGERPRINT);
    expect(pageOf({ count: false, continuationToken: token })).toEqual({ items: ['f', 'g'] });
  });

  it('returns an empty last page when the list shrank under the token', () => {
    const token = encodeContinuationToken(6, FINGERPRINT);
    expect(pageOf({ count: false, limit: 3, continuationToken: token }, ['a', 'b'])).toEqual({ items: [] });
  });

  it('counts instead of paging for count=true', () => {
    expect(paginate(LETTERS, { count: true }, FINGERPRINT)).toEqual({ ok: true, value: { count: 7 } });
    expect(paginate([], { count: true }, FINGERPRINT)).toEqual({ ok: true, value: { count: 0 } });
  });

  it("accepts the token aepp's getFlows cuts out of the href, with '&limit' stuck to it", () => {
    const first = pageOf({ count: false, limit: 2 });
    const href = buildNextHref('/flows', first.nextToken!, { limit: '2', count: 'False' });
    const aeppToken = href.split('=')[1]!;
    expect(aeppToken).toBe(`${first.nextToken}&limit`);
    expect(pageOf({ count: false, limit: 2, continuationToken: aeppToken }).items).toEqual(['c', 'd']);
  });

  const badTokens: [string, string][] = [
    ['garbage', '!!!'],
    ['not base64 of ours', 'bm90LWEtdG9rZW4'],
    ['a token for another query', encodeContinuationToken(2, queryFingerprint(['scope:/runs']))],
  ];

  it.each(badTokens)('refuses %s with 1451', (_label, token) => {
    const result = paginate(LETTERS, { count: false, limit: 2, continuationToken: token }, FINGERPRINT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([result.error.code, result.error.status, result.error.message]).toEqual([
      1451,
      400,
      'Invalid params continuationToken provided in query params.',
    ]);
  });
});

describe('continuation tokens', () => {
  it('round-trip an offset under the same fingerprint', () => {
    expect(decodeContinuationToken(encodeContinuationToken(42, FINGERPRINT), FINGERPRINT)).toEqual({
      ok: true,
      value: 42,
    });
  });

  it('fingerprints ignore order and repeats of the parts', () => {
    expect(queryFingerprint(['a', 'b', 'a'])).toBe(queryFingerprint(['b', 'a']));
    expect(queryFingerprint(['a', 'b'])).not.toBe(queryFingerprint(['a', 'c']));
  });
});

describe('buildNextHref', () => {
  it('puts the token first, then limit, then the other parameters', () => {
    const href = buildNextHref('/flows', 'TOKEN', {
      property: ['state==enabled', 'createdAt>5'],
      count: 'False',
      limit: '2',
      continuationToken: 'OLD',
    });
    expect(href).toBe(
      '/flows?continuationToken=TOKEN&limit=2&property=state%3D%3Denabled&property=createdAt%3E5&count=False',
    );
  });

  it('is relative, so aepp can append it to the Flow Service base', () => {
    expect(buildNextHref('/connections', 'T', {})).toBe('/connections?continuationToken=T');
  });

  it('round-trips through URLSearchParams', () => {
    const href = buildNextHref('/runs', 'T', { property: 'transformations[].params.mappingId==a,b', orderby: '+name' });
    const params = new URL(href, 'http://localhost').searchParams;
    expect([...params.keys()][0]).toBe('continuationToken');
    expect(params.getAll('property')).toEqual(['transformations[].params.mappingId==a,b']);
    expect(params.get('orderby')).toBe('+name');
  });
});
