import { describe, expect, it } from 'vitest';
import { compileMappingSet, type CompileOptions, type CompiledMappingSet } from '../../../src/aep/data-prep/index.js';
import { services } from './helpers.js';

function compile(mappings: readonly unknown[], options: CompileOptions = {}): CompiledMappingSet {
  const result = compileMappingSet(mappings, { services, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.mappingSet;
}

const attr = (source: string, destination: string) => ({ sourceType: 'ATTRIBUTE', source, destination });

describe('the Customer.io webhook tutorial mapping', () => {
  // The six mappings of EN help/sources/tutorials/api/create/marketing-automation/customerio-webhook.md.
  const mappings = [
    ['data.identifiers.cio_id', '_extconndev.cio_id'],
    ['data.identifiers.email', '_extconndev.email'],
    ['event_id', '_extconndev.event_id0'],
    ['metric', '_extconndev.metricx'],
    ['object_type', '_extconndev.object_type1'],
    ['timestamp', '_extconndev.timestampx'],
  ].map(([source, destination]) => ({
    destinationXdmPath: destination,
    sourceAttribute: source,
    identity: false,
    version: 0,
  }));

  it('maps a webhook event into the tenant object', () => {
    const event = {
      data: {
        identifiers: { cio_id: 'd9c106000001', email: 'test@example.com', id: '42' },
        email_address: 'test@example.com',
      },
      event_id: '01E4C4CT6YDC7Y5M7FE1GWWPQJ',
      metric: 'subscribed',
      object_type: 'customer',
      timestamp: 1613063089,
    };
    expect(compile(mappings).apply(event)).toEqual({
      record: {
        _extconndev: {
          cio_id: 'd9c106000001',
          email: 'test@example.com',
          event_id0: '01E4C4CT6YDC7Y5M7FE1GWWPQJ',
          metricx: 'subscribed',
          object_type1: 'customer',
          timestampx: 1613063089,
        },
      },
      errors: [],
    });
  });

  it('leaves out attributes the event does not have, without an error', () => {
    expect(compile(mappings).apply({ metric: 'opened' })).toEqual({
      record: { _extconndev: { metricx: 'opened' } },
      errors: [],
    });
  });
});

describe('source types', () => {
  it('builds nested destinations from ATTRIBUTE, STATIC and EXPRESSION mappings', () => {
    const set = compile([
      attr('firstName', 'person.name.firstName'),
      attr('lastName', 'person.name.lastName'),
      { sourceType: 'STATIC', source: 'CUSTOMER', destination: 'userType' },
      {
        sourceType: 'EXPRESSION',
        source: 'concat(upper(lastName), ", ", firstName)',
        destination: 'person.name.fullName',
      },
      { sourceType: 'EXPRESSION', source: 'now()', destination: '_repo.createDate' },
    ]);
    expect(set.apply({ firstName: 'John', lastName: 'Smith' }).record).toEqual({
      person: { name: { firstName: 'John', lastName: 'Smith', fullName: 'SMITH, John' } },
      userType: 'CUSTOMER',
      _repo: { createDate: '2021-10-26T10:10:24.556Z' },
    });
  });

  it('reads array elements and writes array indexes (mapping-set.md)', () => {
    const input = {
      customerInfo: {
        name: 'John Smith',
        emails: [
          { name: 'John Smith', email: 'js@example.com' },
          { name: 'Jane Smith', email: 'jane@example.com' },
        ],
      },
    };
    const set = compile([attr('customerInfo.emails[0].email', 'pi.email'), attr('customerInfo.name', 'piList[0]')]);
    expect(set.apply(input).record).toEqual({ pi: { email: 'js@example.com' }, piList: ['John Smith'] });
  });

  it('iterates with [*], writing one element per source element', () => {
    const input = {
      customerInfo: {
        emails: [
          { name: 'John Smith', email: 'js@example.com' },
          { name: 'Jane Smith', email: 'jane@example.com' },
        ],
      },
    };
    const set = compile([
      attr('customerInfo.emails[*].name', 'pi[*].names'),
      attr('customerInfo.emails[*].email', 'pi[*].email'),
    ]);
    expect(set.apply(input).record).toEqual({
      pi: [
        { names: 'John Smith', email: 'js@example.com' },
        { names: 'Jane Smith', email: 'jane@example.com' },
      ],
    });
  });

  it('reads field names with dots and spaces', () => {
    const set = compile([
      attr('Full\\.Name', 'pi.name'),
      attr('First Name', 'pi.first'),
      { sourceType: 'EXPRESSION', source: '${First Name}', destination: 'pi.again' },
    ]);
    expect(set.apply({ 'Full.Name': 'John Smith', 'First Name': 'John' }).record).toEqual({
      pi: { name: 'John Smith', first: 'John', again: 'John' },
    });
  });

  it('builds an identityMap with an expression (LAVA tutorial)', () => {
    const set = compile([
      {
        destinationXdmPath: 'identityMap',
        sourceExpression: 'to_map("LavaId",to_array(false,to_object("id",lavaId,"primary",true)))',
        sourceType: 'EXPRESSION',
      },
      { destinationXdmPath: 'eventType', sourceAttribute: 'type' },
    ]);
    expect(set.apply({ lavaId: 'L-9', type: 'ticketScan' }).record).toEqual({
      identityMap: { LavaId: [{ id: 'L-9', primary: true }] },
      eventType: 'ticketScan',
    });
  });
});

describe('object copy', () => {
  const address = { line1: '4191 Ridgebrook Way', city: 'San Jose', state: 'California' };

  it.each([
    ['parent first', [attr('address', 'addr'), attr('address.line1', 'addr.addrLine1')]],
    ['child first', [attr('address.line1', 'addr.addrLine1'), attr('address', 'addr')]],
  ])('copies the whole object and refines it (%s)', (_name, mappings) => {
    expect(compile(mappings).apply({ address }).record).toEqual({
      addr: { ...address, addrLine1: '4191 Ridgebrook Way' },
    });
  });

  it('copies deeply: the record and the input never share objects', () => {
    const input = { address: { ...address, geo: { lat: 1 } }, tags: ['a'] };
    const { record } = compile([attr('address', 'addr'), attr('tags', 'list')]).apply(input);
    (record.addr as { geo: { lat: number } }).geo.lat = 99;
    (record.list as string[]).push('b');
    expect(input.address.geo.lat).toBe(1);
    expect(input.tags).toEqual(['a']);
  });

  it('copies a "__proto__" key of the input as a plain key', () => {
    const input = JSON.parse('{"meta": {"__proto__": {"polluted": true}, "ok": 1}}') as unknown;
    const { record } = compile([attr('meta', 'copy')]).apply(input);
    expect(JSON.stringify(record)).toBe('{"copy":{"__proto__":{"polluted":true},"ok":1}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives each record its own objects', () => {
    const set = compile([{ sourceType: 'STATIC', source: 'x', destination: 'a.b' }]);
    const first = set.apply({}).record;
    (first.a as Record<string, unknown>).b = 'changed';
    expect(set.apply({}).record).toEqual({ a: { b: 'x' } });
  });
});

describe('errors null one attribute and keep the rest of the record', () => {
  const mappings = [
    attr('name', 'person.name'),
    { sourceType: 'EXPRESSION', source: 'to_integer(age)', destination: 'person.age', name: 'age' },
    attr('city', 'home.city'),
  ];

  it('leaves the failed attribute out and records a TransformError', () => {
    expect(compile(mappings).apply({ name: 'Ada', age: 'thirty', city: 'London' })).toEqual({
      record: { person: { name: 'Ada' }, home: { city: 'London' } },
      errors: [
        {
          destination: 'person.age',
          exception: 'Cannot convert "thirty" to an integer',
          source: 'to_integer(age)',
          columnName: 'age',
          sourceType: 'EXPRESSION',
        },
      ],
    });
  });

  it('writes null for it when allowNullValues is set', () => {
    const result = compile(mappings, { allowNullValues: true }).apply({ name: 'Ada', age: 'thirty', city: null });
    expect(result.record).toEqual({ person: { name: 'Ada', age: null }, home: { city: null } });
    expect(result.errors).toHaveLength(1);
  });

  it('leaves a null source out by default', () => {
    expect(compile(mappings).apply({ name: null, age: '30' }).record).toEqual({ person: { age: 30 } });
  });

  it('maps inputs that are not objects to an empty record', () => {
    for (const input of [null, 'text', 42, [1, 2], undefined]) {
      expect(compile(mappings).apply(input)).toEqual({ record: {}, errors: [] });
    }
  });
});

describe('compile problems', () => {
  it('reports every bad mapping by index and field, and never throws', () => {
    const result = compileMappingSet([
      attr('a..b', 'x'),
      { sourceType: 'EXPRESSION', source: 'upper(', destination: 'y' },
      attr('ok', 'z[q]'),
      { sourceType: 'NOPE', source: 'a', destination: 'b' },
      { sourceType: 'EXPRESSION', source: 'nosuch(1)', destination: 'w' },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'mappings[0].source', message: 'Empty field name at position 2 in "a..b"' },
        { path: 'mappings[1].source', message: 'Unexpected end of expression at position 6', position: 6 },
        { path: 'mappings[2].destination', message: 'Invalid array index at position 1 (use [n] or [*]) in "z[q]"' },
        { path: 'mappings[3].sourceType', message: 'sourceType must be ATTRIBUTE, STATIC or EXPRESSION, not "NOPE"' },
        { path: 'mappings[4].source', message: "Unknown function 'nosuch' at position 0", position: 0 },
      ],
    });
  });

  it('exposes the normalised mappings in the given order', () => {
    const set = compile([attr('a', 'x.y.z'), { destinationXdmPath: 'b', sourceAttribute: 'c' }]);
    expect(set.mappings).toEqual([
      { sourceType: 'ATTRIBUTE', source: 'a', destination: 'x.y.z' },
      { sourceType: 'ATTRIBUTE', source: 'c', destination: 'b' },
    ]);
  });
});
