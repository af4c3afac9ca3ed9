import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJson } from '../../src/http/json.js';
import { writeKeyOf, writeKeyProblem } from '../../src/pipelines/auth.js';
import { matchesFilter, parseEventFilter } from '../../src/journal/filter.js';
import { createSchemaRegistry, defaultSchemaDir } from '../../src/schema/registry.js';
import type { EventRecord } from '../../src/index.js';

const schemas = createSchemaRegistry(defaultSchemaDir());
const validateFilter = (f: unknown) => schemas.validate('control/event-filter', f);
const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('parseJson', () => {
  it.each([
    ['{"a":1}', true],
    ['{"a":', false],
    ['', false],
    ['nul', false],
  ])('%j parses: %s', (text, ok) => {
    expect(parseJson(text).ok).toBe(ok);
  });

  it('drops __proto__ keys at every depth instead of letting them reach a setter', () => {
    const result = parseJson('{"__proto__":{"polluted":1},"a":{"__proto__":{"x":1},"b":2}}');
    expect(result).toEqual({ ok: true, value: { a: { b: 2 } } });
    const value = (result as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(false);
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH}, and accepts it at the limit`, () => {
    const nest = (n: number): string => '['.repeat(n) + ']'.repeat(n);
    expect(parseJson(nest(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(parseJson(nest(MAX_JSON_DEPTH + 1))).toMatchObject({ ok: false, reason: 'too-deep' });
    expect(parseJson(nest(100_000))).toMatchObject({ ok: false });
  });
});

describe('write key', () => {
  it.each([
    ['Basic with empty password', `Basic ${b64('key1:')}`, undefined, 'key1'],
    ['Basic without colon', `Basic ${b64('key1')}`, undefined, 'key1'],
    ['lower-case scheme', `basic ${b64('key1:')}`, undefined, 'key1'],
    ['body writeKey', undefined, { writeKey: 'key2' }, 'key2'],
    ['Basic wins over body', `Basic ${b64('key1:')}`, { writeKey: 'key2' }, 'key1'],
    ['Bearer is not a write key', 'Bearer key1', undefined, undefined],
    ['malformed base64 falls back to body', 'Basic !!!', { writeKey: 'key2' }, 'key2'],
    ['empty user', `Basic ${b64(':pw')}`, undefined, undefined],
    ['non-string body key', undefined, { writeKey: 5 }, undefined],
  ])('%s', (_name, header, body, expected) => {
    expect(writeKeyOf(header, body)).toBe(expected);
  });

  it('any non-empty key is accepted unless keys are configured', () => {
    expect(writeKeyProblem('k', [])).toBeUndefined();
    expect(writeKeyProblem(undefined, [])?.message).toMatch(/Missing write key/);
    expect(writeKeyProblem('k', ['other'])?.message).toMatch(/Unknown write key "k"/);
    expect(writeKeyProblem('other', ['other'])).toBeUndefined();
  });
});

describe('event filter', () => {
  const record: EventRecord = {
    seq: 7,
    id: 'r7',
    receivedAt: '2026-01-01T00:00:00.000Z',
    api: 'pipelines',
    type: 'track',
    valid: true,
    errors: [],
    writeKey: 'wk',
    payload: { event: 'Order Completed', userId: 'u1', anonymousId: 'a1', messageId: 'm1' },
  };

  it.each([
    [{}, true],
    [{ api: 'pipelines' }, true],
    [{ api: 'aep' }, false],
    [{ type: 'track', event: 'Order Completed' }, true],
    [{ event: 'Other' }, false],
    [{ userId: 'u1', anonymousId: 'a1', messageId: 'm1', writeKey: 'wk' }, true],
    [{ userId: 'u2' }, false],
    [{ valid: true }, true],
    [{ valid: false }, false],
    [{ since: 6 }, true],
    [{ since: 7 }, false],
    [{ flowId: 'f' }, false],
  ] as const)('%j matches: %s', (filter, expected) => {
    expect(matchesFilter(record, filter)).toBe(expected);
  });

  it('reads query strings, converting valid and since, ignoring other keys', () => {
    expect(
      parseEventFilter({ valid: 'false', since: '3', limit: '9', type: 'track' }, validateFilter, ['limit']),
    ).toEqual({
      filter: { valid: false, since: 3, type: 'track' },
      problems: [],
    });
  });

  it.each([
    { valid: 'maybe' },
    { since: '-1' },
    { since: 'x' },
    { api: 'segment' },
    { userId: ['a', 'b'] },
    { userid: 'u' },
    { limit: '3' },
  ])('reports a problem for %j', (query) => {
    expect(parseEventFilter(query, validateFilter).problems.length).toBeGreaterThan(0);
  });
});
