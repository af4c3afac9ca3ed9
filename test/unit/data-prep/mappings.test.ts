import { describe, expect, it } from 'vitest';
import { normalizeMapping, normalizeMappings, renderMapping, type Mapping } from '../../../src/aep/data-prep/index.js';

describe('normalizeMapping: the three dialects', () => {
  it.each<[string, unknown, Mapping]>([
    [
      'API guide (sourceType/source/destination, name, description)',
      { sourceType: 'ATTRIBUTE', source: 'id', destination: '_id', name: 'id', description: 'Identifier field' },
      { sourceType: 'ATTRIBUTE', source: 'id', destination: '_id', name: 'id', description: 'Identifier field' },
    ],
    [
      'API guide STATIC',
      { sourceType: 'STATIC', source: 'CUSTOMER', destination: 'userType' },
      { sourceType: 'STATIC', source: 'CUSTOMER', destination: 'userType' },
    ],
    [
      'API guide EXPRESSION with source',
      { sourceType: 'EXPRESSION', source: 'upper(a)', destination: 'b' },
      { sourceType: 'EXPRESSION', source: 'upper(a)', destination: 'b' },
    ],
    [
      'read shape sourceType text/x.schema-path',
      { sourceType: 'text/x.schema-path', source: 'firstName', destination: 'person.name.firstName' },
      { sourceType: 'ATTRIBUTE', source: 'firstName', destination: 'person.name.firstName' },
    ],
    [
      'sources tutorial (Customer.io): no sourceType',
      {
        destinationXdmPath: '_extconndev.email',
        sourceAttribute: 'data.identifiers.email',
        identity: false,
        version: 0,
      },
      { sourceType: 'ATTRIBUTE', source: 'data.identifiers.email', destination: '_extconndev.email', identity: false },
    ],
    [
      'sources tutorial: text that looks like a call is still an attribute path',
      { destinationXdmPath: 'x', sourceAttribute: 'concat(a, b)' },
      { sourceType: 'ATTRIBUTE', source: 'concat(a, b)', destination: 'x' },
    ],
    [
      'sources tutorial with an identity',
      {
        destinationXdmPath: 'personalEmail.address',
        sourceAttribute: 'email',
        identity: true,
        identityGroup: 'g1',
        namespaceCode: 'Email',
        primaryIdentity: true,
      },
      {
        sourceType: 'ATTRIBUTE',
        source: 'email',
        destination: 'personalEmail.address',
        identity: true,
        identityGroup: 'g1',
        namespaceCode: 'Email',
        primaryIdentity: true,
      },
    ],
    [
      'expression form (LAVA)',
      {
        destinationXdmPath: 'identityMap',
        sourceExpression: 'to_map("LavaId",to_array(false,to_object("id",lavaId,"primary",true)))',
        sourceType: 'EXPRESSION',
        identity: false,
        version: 0,
      },
      {
        sourceType: 'EXPRESSION',
        source: 'to_map("LavaId",to_array(false,to_object("id",lavaId,"primary",true)))',
        destination: 'identityMap',
        identity: false,
      },
    ],
    [
      'sourceExpression without a sourceType',
      { destinationXdmPath: 'a', sourceExpression: 'now()' },
      { sourceType: 'EXPRESSION', source: 'now()', destination: 'a' },
    ],
    [
      'destination SDK sourceType text/x.aep-xl',
      { sourceType: 'text/x.aep-xl', source: 'iif(a, "1", "0")', destination: 'flag' },
      { sourceType: 'EXPRESSION', source: 'iif(a, "1", "0")', destination: 'flag' },
    ],
    [
      'both spellings that agree, plus read-only keys',
      {
        id: 'abc',
        version: 0,
        sourceType: 'text/x.schema-path',
        source: 'a',
        sourceAttribute: 'a',
        destination: 'b',
        destinationXdmPath: 'b',
        matchScore: 0,
      },
      { sourceType: 'ATTRIBUTE', source: 'a', destination: 'b' },
    ],
    [
      'an empty STATIC value',
      { sourceType: 'STATIC', source: '', destination: 'a' },
      { sourceType: 'STATIC', source: '', destination: 'a' },
    ],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeMapping(raw)).toEqual({ ok: true, mapping: expected });
  });
});

describe('normalizeMapping: problems', () => {
  it.each<[string, unknown, { path: string; message: string }[]]>([
    ['null', null, [{ path: 'mapping', message: 'A mapping must be an object' }]],
    ['an array', [], [{ path: 'mapping', message: 'A mapping must be an object' }]],
    [
      'an unknown sourceType',
      { sourceType: 'COLUMN', source: 'a', destination: 'b' },
      [{ path: 'mapping.sourceType', message: 'sourceType must be ATTRIBUTE, STATIC or EXPRESSION, not "COLUMN"' }],
    ],
    [
      'no source',
      { destination: 'b' },
      [{ path: 'mapping.source', message: 'A mapping needs source or sourceAttribute' }],
    ],
    [
      'no expression',
      { sourceType: 'EXPRESSION', destination: 'b' },
      [{ path: 'mapping.sourceExpression', message: 'A mapping needs sourceExpression or source or sourceAttribute' }],
    ],
    [
      'no destination',
      { source: 'a' },
      [{ path: 'mapping.destination', message: 'A mapping needs destination or destinationXdmPath' }],
    ],
    [
      'a numeric source',
      { source: 5, destination: 'b' },
      [{ path: 'mapping.source', message: 'source must be a string' }],
    ],
    [
      'spellings that disagree',
      { source: 'a', sourceAttribute: 'z', destination: 'b' },
      [{ path: 'mapping.sourceAttribute', message: 'sourceAttribute and source disagree' }],
    ],
    [
      'an empty destination',
      { source: 'a', destination: ' ' },
      [{ path: 'mapping.destination', message: 'destination must not be empty' }],
    ],
    [
      'a non-boolean identity',
      { source: 'a', destination: 'b', identity: 'yes' },
      [{ path: 'mapping.identity', message: 'identity must be a boolean' }],
    ],
    [
      'a non-string name',
      { source: 'a', destination: 'b', name: 5 },
      [{ path: 'mapping.name', message: 'name must be a string' }],
    ],
    [
      'several at once',
      { sourceType: 'X', destination: 7, primaryIdentity: 1 },
      [
        { path: 'mapping.sourceType', message: 'sourceType must be ATTRIBUTE, STATIC or EXPRESSION, not "X"' },
        { path: 'mapping.source', message: 'A mapping needs source or sourceAttribute' },
        { path: 'mapping.destination', message: 'destination must be a string' },
        { path: 'mapping.primaryIdentity', message: 'primaryIdentity must be a boolean' },
      ],
    ],
  ])('%s', (_name, raw, problems) => {
    expect(normalizeMapping(raw)).toEqual({ ok: false, problems });
  });
});

describe('normalizeMappings', () => {
  it('keeps the readable mappings and reports the others by index', () => {
    const result = normalizeMappings([{ source: 'a', destination: 'b' }, { source: 'a' }, 'nope']);
    expect(result.mappings).toEqual([{ sourceType: 'ATTRIBUTE', source: 'a', destination: 'b' }]);
    expect(result.problems).toEqual([
      { path: 'mappings[1].destination', message: 'A mapping needs destination or destinationXdmPath' },
      { path: 'mappings[2]', message: 'A mapping must be an object' },
    ]);
  });

  it('reports mappings that are not an array', () => {
    expect(normalizeMappings({ source: 'a' })).toEqual({
      mappings: [],
      problems: [{ path: 'mappings', message: 'mappings must be an array' }],
    });
  });
});

describe('renderMapping: the read shape with both spellings', () => {
  it('renders an attribute mapping as the spec example does', () => {
    expect(
      renderMapping({ sourceType: 'ATTRIBUTE', source: 'firstName', destination: 'person.name.firstName' }),
    ).toEqual({
      sourceType: 'text/x.schema-path',
      source: 'firstName',
      destination: 'person.name.firstName',
      identity: false,
      primaryIdentity: false,
      matchScore: 0,
      functionVersion: 1,
      sourceAttribute: 'firstName',
      destinationXdmPath: 'person.name.firstName',
    });
  });

  it('keeps EXPRESSION and STATIC, identity details, name and description', () => {
    expect(
      renderMapping({
        sourceType: 'EXPRESSION',
        source: 'upper(a)',
        destination: 'b',
        identity: true,
        primaryIdentity: true,
        identityGroup: 'g',
        namespaceCode: 'Email',
        name: 'n',
        description: 'd',
      }),
    ).toEqual({
      sourceType: 'EXPRESSION',
      source: 'upper(a)',
      destination: 'b',
      identity: true,
      primaryIdentity: true,
      identityGroup: 'g',
      namespaceCode: 'Email',
      matchScore: 0,
      functionVersion: 1,
      sourceAttribute: 'upper(a)',
      destinationXdmPath: 'b',
      name: 'n',
      description: 'd',
    });
    expect(renderMapping({ sourceType: 'STATIC', source: 'x', destination: 'y' }).sourceType).toBe('STATIC');
  });

  it.each<Mapping>([
    {
      sourceType: 'ATTRIBUTE',
      source: 'a.b',
      destination: 'c',
      identity: true,
      primaryIdentity: false,
      namespaceCode: 'ECID',
    },
    { sourceType: 'EXPRESSION', source: 'now()', destination: 'd', name: 'when' },
    { sourceType: 'STATIC', source: 'k', destination: 'e', description: 'constant' },
  ])('reads back what it renders: %j', (mapping) => {
    const roundTrip = normalizeMapping(renderMapping(mapping));
    expect(roundTrip).toEqual({ ok: true, mapping: { identity: false, primaryIdentity: false, ...mapping } });
  });
});
