import { describe, expect, it } from 'vitest';
import {
  buildNextHref,
  parseListQuery,
  runListQuery,
  type Page,
  type QueryParams,
} from '../../../src/aep/flow-service/query/index.js';
import { flows } from './fixtures.js';

function run(query: QueryParams, scope = '/flows'): Page<object> {
  const parsed = parseListQuery(query);
  if (!parsed.ok) throw new Error(`parse: ${parsed.error.message}`);
  const result = runListQuery(flows(), parsed.value, scope);
  if (!result.ok) throw new Error(`run: ${result.error.message}`);
  return result.value;
}

function ids(page: Page<object>): unknown[] {
  if ('count' in page) throw new Error('expected items');
  return page.items.map((item) => (item as { id?: unknown }).id);
}

/** Follows `_links.next.href` the way a client that uses it verbatim would. */
function followAll(query: Record<string, string | string[]>): unknown[][] {
  const pages: unknown[][] = [];
  let current: QueryParams = query;
  for (let i = 0; i < 10; i += 1) {
    const page = run(current);
    pages.push(ids(page));
    if ('count' in page || page.nextToken === undefined) break;
    const href = buildNextHref('/flows', page.nextToken, current);
    const params = new URL(href, 'http://localhost').searchParams;
    current = Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)]));
  }
  return pages;
}

describe('list queries: filter, then sort, then page, then project', () => {
  const rows: [string, Record<string, string | string[]>, unknown[]][] = [
    ['everything in store order', {}, ['f1', 'f2', 'f3']],
    ['filtered', { property: 'state==enabled' }, ['f1', 'f3']],
    ['filtered and sorted descending', { property: 'state==enabled', orderby: '-name' }, ['f3', 'f1']],
    ['sorted and limited', { orderby: '-createdAt', limit: '2' }, ['f2', 'f1']],
  ];

  it.each(rows)('%s', (_label, query, expected) => {
    expect(ids(run(query))).toEqual(expected);
  });

  it('counts the filtered items for count=true', () => {
    expect(run({ property: 'state==enabled', count: 'true' })).toEqual({ count: 2 });
  });

  it('projects the page to the requested fields', () => {
    const page = run({ property: ['name,id', 'state==enabled'], orderby: 'name' });
    expect(page).toEqual({
      items: [
        { name: 'Alpha', id: 'f1' },
        { name: 'Gamma', id: 'f3' },
      ],
    });
  });

  it('pages through a sorted, filtered list by following next hrefs', () => {
    expect(followAll({ property: 'createdAt>0', orderby: '-createdAt', limit: '1' })).toEqual([['f2'], ['f1']]);
    expect(followAll({ orderby: 'name', limit: '2', count: 'False' })).toEqual([['f1', 'f3'], ['f2']]);
  });

  it("accepts aepp getConnections' repeat of parameters the href already has", () => {
    const first = run({ property: 'state==enabled', limit: '1' });
    if ('count' in first) throw new Error('expected items');
    const again = run({
      continuationToken: first.nextToken!,
      property: ['state==enabled', 'state==enabled'],
      limit: ['1', '1'],
    });
    expect(ids(again)).toEqual(['f3']);
  });

  it('refuses a token replayed with another filter, order or resource', () => {
    const first = run({ property: 'state==enabled', limit: '1' });
    if ('count' in first) throw new Error('expected items');
    const token = first.nextToken!;
    const replays: [QueryParams, string][] = [
      [{ property: 'state==disabled', limit: '1', continuationToken: token }, '/flows'],
      [{ property: 'state==enabled', orderby: 'name', limit: '1', continuationToken: token }, '/flows'],
      [{ property: 'state==enabled', limit: '1', continuationToken: token }, '/runs'],
    ];
    for (const [query, scope] of replays) {
      const parsed = parseListQuery(query);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const result = runListQuery(flows(), parsed.value, scope);
      expect(result.ok ? 'ok' : result.error.code).toBe(1451);
    }
  });

  const errors: [string, QueryParams, number][] = [
    ['bad filter', { property: 'a!>1' }, 1450],
    ['bad orderby', { orderby: '#id' }, 1433],
    ['limit with count=true', { limit: '1', count: 'true' }, 1401],
    ['non-string property', { property: { nested: 'x' } }, 1453],
  ];

  it.each(errors)('reports %s', (_label, query, code) => {
    const parsed = parseListQuery(query);
    expect(parsed.ok ? 'ok' : parsed.error.code).toBe(code);
  });
});
