import { describe, expect, it } from 'vitest';
import { parseOrderBy, sortEntities, type OrderBy } from '../../../src/aep/flow-service/query/index.js';
import { flows } from './fixtures.js';

function order(raw: string): OrderBy {
  const result = parseOrderBy(raw);
  if (!result.ok) throw new Error(`expected ${raw} to parse, got ${result.error.message}`);
  return result.value;
}

function sortedIds(raw: string, items: object[] = flows()): unknown[] {
  return sortEntities(items, order(raw)).map((item) => (item as { id: unknown }).id);
}

describe('orderby: parsing', () => {
  const rows: [string, string, string, 'asc' | 'desc'][] = [
    ['bare field is ascending', 'name', 'name', 'asc'],
    ['+ is ascending', '+name', 'name', 'asc'],
    ['a form-decoded + (space) is ascending', ' name', 'name', 'asc'],
    ['- is descending', '-name', 'name', 'desc'],
    ['dotted path', '-metrics.statusSummary.status', 'metrics.statusSummary.status', 'desc'],
    ['a field containing desc is not a direction', 'description', 'description', 'asc'],
  ];

  it.each(rows)('%s: %s', (_label, raw, path, direction) => {
    const parsed = order(raw);
    expect({ path: parsed.path, direction: parsed.direction }).toEqual({ path, direction });
  });
});

describe('orderby: sorting', () => {
  const rows: [string, string, string[]][] = [
    // Code-unit order: capitals sort before lower case, as in Cosmos DB.
    ['by name ascending', 'name', ['f1', 'f3', 'f2']],
    ['by name descending', '-name', ['f2', 'f3', 'f1']],
    ['by number ascending, missing first', 'createdAt', ['f3', 'f1', 'f2']],
    ['by number descending, missing last', '-createdAt', ['f2', 'f1', 'f3']],
    ['by a nested path', 'scheduleParams.startTime', ['f2', 'f1', 'f3']],
    ['by a nested path descending', '-scheduleParams.startTime', ['f3', 'f1', 'f2']],
    ['ties keep the input order', 'state', ['f2', 'f1', 'f3']],
    ['ties keep the input order when descending', '-state', ['f1', 'f3', 'f2']],
    ['a field nobody has keeps the input order', 'nope', ['f1', 'f2', 'f3']],
  ];

  it.each(rows)('%s: %s', (_label, raw, expected) => {
    expect(sortedIds(raw)).toEqual(expected);
  });

  it('orders mixed types missing < null < boolean < number < string < array < object', () => {
    const items = [
      { id: 'object', v: { a: 1 } },
      { id: 'string', v: 'a' },
      { id: 'array', v: [1] },
      { id: 'number', v: 2 },
      { id: 'true', v: true },
      { id: 'false', v: false },
      { id: 'null', v: null },
      { id: 'missing' },
    ];
    expect(sortedIds('v', items)).toEqual(['missing', 'null', 'false', 'true', 'number', 'string', 'array', 'object']);
    expect(sortedIds('-v', items)).toEqual(['object', 'array', 'string', 'number', 'true', 'false', 'null', 'missing']);
  });

  it('returns a copy and leaves the input alone', () => {
    const input = flows();
    const sorted = sortEntities(input, order('-name'));
    expect(sorted).not.toBe(input);
    expect(input.map((flow) => flow.id)).toEqual(['f1', 'f2', 'f3']);
  });

  it('without an order keeps the input order', () => {
    expect(sortEntities(flows(), undefined).map((flow) => flow.id)).toEqual(['f1', 'f2', 'f3']);
  });
});

describe('orderby: errors in Adobe words', () => {
  const SORT_ORDER =
    'Sort order specified is not correct, prepend + for ascending order and - for descending order in the fieldName.';
  const rows: [string, string, number, string][] = [
    ['two signs', '--name', 1432, SORT_ORDER],
    ['mixed signs', '+-name', 1432, SORT_ORDER],
    ['sign at the end', 'name-', 1432, SORT_ORDER],
    ['SQL-style direction', 'name desc', 1432, SORT_ORDER],
    ['colon direction', 'name:asc', 1432, SORT_ORDER],
    [
      'the documented bad field',
      '#id',
      1433,
      'Incorrect field= #id passed in orderBy, example are +name, -name, name.',
    ],
    ['empty', '', 1433, 'Incorrect field=  passed in orderBy, example are +name, -name, name.'],
    ['only a sign', '-', 1433, 'Incorrect field= - passed in orderBy, example are +name, -name, name.'],
    [
      'a comma list',
      'name,createdAt',
      1433,
      'Incorrect field= name,createdAt passed in orderBy, example are +name, -name, name.',
    ],
    [
      'an array path',
      'transformations[].name',
      1433,
      'Incorrect field= transformations[].name passed in orderBy, example are +name, -name, name.',
    ],
  ];

  it.each(rows)('%s: %s', (_label, raw, code, message) => {
    const result = parseOrderBy(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect({ code: result.error.code, status: result.error.status, message: result.error.message }).toEqual({
      code,
      status: 400,
      message,
    });
  });
});
