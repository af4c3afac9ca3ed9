import { describe, expect, it } from 'vitest';
import { previewMappingSet, validateExpression, validateMappingSet } from '../../../src/aep/data-prep/index.js';
import { services } from './helpers.js';

// The mapping set of the API guide's validate and preview examples (EN help/data-prep/api/mapping-set.md).
const GUIDE_MAPPINGS = [
  { sourceType: 'ATTRIBUTE', source: 'id', destination: '_id', name: 'id', description: 'Identifier field' },
  { sourceType: 'ATTRIBUTE', source: 'firstName', destination: 'person.name.firstName' },
  { sourceType: 'ATTRIBUTE', source: 'lastName', destination: 'person.name.lastName' },
];

describe('validateExpression (POST /languages/el/validate)', () => {
  it.each(['concat("Hi", ",", "there", "!")', 'iif(a > 1, "x", "y")', '${First Name}', 'a.b[0].c.equals("x")'])(
    'accepts %s',
    (expression) => {
      expect(validateExpression(expression)).toEqual([]);
    },
  );

  it.each([
    [
      'concat("Hi"',
      [{ path: 'expression', message: "Expected ',' or ')' but found end of expression at position 11", position: 11 }],
    ],
    ['nosuch()', [{ path: 'expression', message: "Unknown function 'nosuch' at position 0", position: 0 }]],
    ['', [{ path: 'expression', message: 'expression must not be empty' }]],
    [42, [{ path: 'expression', message: 'expression must be a string' }]],
    [undefined, [{ path: 'expression', message: 'expression must be a string' }]],
  ])('reports problems for %j', (expression, problems) => {
    expect(validateExpression(expression)).toEqual(problems);
  });
});

describe('validateMappingSet (POST /mappingSets/validate)', () => {
  it('answers SUCCESS with null errors for each mapping of the guide example', () => {
    expect(validateMappingSet(GUIDE_MAPPINGS)).toEqual([
      { status: 'SUCCESS', errors: null },
      { status: 'SUCCESS', errors: null },
      { status: 'SUCCESS', errors: null },
    ]);
  });

  it('answers FAILED with TransformErrorInfo items for the bad ones, in order', () => {
    const result = validateMappingSet([
      GUIDE_MAPPINGS[0],
      { sourceType: 'EXPRESSION', source: 'upper(a, b)', destination: 'x' },
      { destinationXdmPath: 'y[oops]', sourceAttribute: 'a' },
      null,
      { sourceType: 'STATIC', source: 'k', destination: 'z' },
    ]);
    expect(result).toEqual([
      { status: 'SUCCESS', errors: null },
      {
        status: 'FAILED',
        errors: [
          {
            destination: 'x',
            exception: "mappings[1].source: Function 'upper' takes 1 argument(s) but got 2 at position 0",
            source: 'upper(a, b)',
            columnName: 'x',
            sourceType: 'EXPRESSION',
          },
        ],
      },
      {
        status: 'FAILED',
        errors: [
          {
            destination: 'y[oops]',
            exception: 'mappings[2].destination: Invalid array index at position 1 (use [n] or [*]) in "y[oops]"',
            source: 'a',
            columnName: 'a',
            sourceType: 'ATTRIBUTE',
          },
        ],
      },
      {
        status: 'FAILED',
        errors: [
          {
            destination: '',
            exception: 'mappings[3]: A mapping must be an object',
            source: '',
            columnName: '',
            sourceType: 'ATTRIBUTE',
          },
        ],
      },
      { status: 'SUCCESS', errors: null },
    ]);
  });

  it('describes an unreadable mapping from the fields it has', () => {
    const [result] = validateMappingSet([{ sourceType: 'EXPRESSION', sourceExpression: 'a', destination: 5 }]);
    expect(result).toEqual({
      status: 'FAILED',
      errors: [
        {
          destination: '',
          exception: 'mappings[0].destination: destination must be a string',
          source: 'a',
          columnName: 'a',
          sourceType: 'EXPRESSION',
        },
      ],
    });
  });

  it('answers an empty list for no mappings', () => {
    expect(validateMappingSet([])).toEqual([]);
  });
});

describe('previewMappingSet (POST /mappingSets/preview)', () => {
  it('maps the guide example; with the schema type of _id it prints "1234" as the guide shows', () => {
    const data = [{ id: 1234, firstName: 'Jim', lastName: 'Seltzer' }];
    expect(
      previewMappingSet(GUIDE_MAPPINGS, data, { targetType: (d) => (d === '_id' ? 'string' : undefined) }),
    ).toEqual({
      ok: true,
      items: [{ data: { person: { name: { firstName: 'Jim', lastName: 'Seltzer' } }, _id: '1234' }, errors: null }],
    });
    expect(previewMappingSet(GUIDE_MAPPINGS, data)).toMatchObject({ ok: true, items: [{ data: { _id: 1234 } }] });
  });

  it('gives one item per record, each with its own errors', () => {
    const mappings = [
      ...GUIDE_MAPPINGS,
      { sourceType: 'EXPRESSION', source: 'to_integer(age)', destination: 'person.age' },
    ];
    const result = previewMappingSet(mappings, [{ id: 1, age: '7' }, { id: 2, age: 'old' }, 'not an object']);
    expect(result).toEqual({
      ok: true,
      items: [
        { data: { _id: 1, person: { age: 7 } }, errors: null },
        {
          data: { _id: 2 },
          errors: [
            {
              destination: 'person.age',
              exception: 'Cannot convert "old" to an integer',
              source: 'to_integer(age)',
              columnName: 'person.age',
              sourceType: 'EXPRESSION',
            },
          ],
        },
        { data: {}, errors: null },
      ],
    });
  });

  it('uses the given services for now() and uuid()', () => {
    const mappings = [
      { sourceType: 'EXPRESSION', source: 'now()', destination: 'at' },
      { sourceType: 'EXPRESSION', source: 'uuid()', destination: '_id' },
    ];
    expect(previewMappingSet(mappings, [{}], { services })).toEqual({
      ok: true,
      items: [{ data: { at: '2021-10-26T10:10:24.556Z', _id: '7c0267d2-bb74-4e1a-9275-3bf4fccda5f4' }, errors: null }],
    });
  });

  it('returns the problems of a mapping set that does not compile', () => {
    expect(previewMappingSet([{ sourceType: 'EXPRESSION', source: '1 +', destination: 'a' }], [{}])).toEqual({
      ok: false,
      problems: [{ path: 'mappings[0].source', message: 'Unexpected end of expression at position 3', position: 3 }],
    });
  });
});
