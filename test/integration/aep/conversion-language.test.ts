// Data Prep's validate and preview operations and the expression-language endpoints
// (reference/adobe-aep.md §4): one validation result per mapping, one preview item per record,
// a boolean for an expression, and the function and operator lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import { aepApi, CONVERSION, newTenant, type AepApi } from '../../helpers/aep.js';
import { expectServiceError } from '../../helpers/aep-data.js';
import { startTestEmulator } from '../../helpers/emulator.js';

let emu: Emulator;
let api: AepApi;
beforeAll(async () => {
  emu = await startTestEmulator();
  api = aepApi(emu.url, newTenant());
});
afterAll(() => emu.close());

const GOOD = { sourceAttribute: 'email', destinationXdmPath: 'person.email' };

describe('POST /mappingSets/validate', () => {
  it('answers one SUCCESS or FAILED per mapping, in order, with TransformErrorInfo for failures', async () => {
    const bad = { sourceType: 'EXPRESSION', source: 'concat(a, ', destination: 'person.name' };
    const unknownType = { sourceType: 'COLUMN', source: 'a', destinationXdmPath: 'x' };
    const res = await api
      .post(`${CONVERSION}/mappingSets/validate`, { mappings: [GOOD, bad, unknownType] })
      .expect(200);
    expect(res.body).toEqual({
      validationResponse: [
        { status: 'SUCCESS', errors: null },
        {
          status: 'FAILED',
          errors: [
            {
              destination: 'person.name',
              source: 'concat(a, ',
              columnName: 'person.name',
              sourceType: 'EXPRESSION',
              exception: expect.stringMatching(/^mappings\[1\]\.source: /),
            },
          ],
        },
        {
          status: 'FAILED',
          errors: [
            {
              destination: 'x',
              source: 'a',
              columnName: 'a',
              sourceType: 'ATTRIBUTE',
              exception: expect.stringMatching(/sourceType/),
            },
          ],
        },
      ],
    });
  });

  it('answers an empty list for no mappings, and 400 without mappings', async () => {
    expect((await api.post(`${CONVERSION}/mappingSets/validate`, { mappings: [] }).expect(200)).body).toEqual({
      validationResponse: [],
    });
    expectServiceError(await api.post(`${CONVERSION}/mappingSets/validate`, {}), 'data-prep', 400, /mappings/);
  });
});

describe('POST /mappingSets/preview', () => {
  const mappingSet = {
    mappings: [
      { sourceType: 'ATTRIBUTE', source: 'id', destination: '_id' },
      GOOD,
      {
        destinationXdmPath: 'person.name',
        sourceExpression: 'concat(firstName, " ", lastName)',
        sourceType: 'EXPRESSION',
      },
      { sourceType: 'EXPRESSION', source: 'to_integer(age)', destination: 'person.age' },
      { sourceType: 'STATIC', source: 'web', destination: 'channel' },
    ],
  };

  it('maps each record, nulling only the attribute whose conversion failed', async () => {
    const data = [
      { id: '1234', email: 'jim@example.com', firstName: 'Jim', lastName: 'Seltzer', age: '42' },
      { id: '5678', email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', age: 'abc' },
    ];
    const res = await api.post(`${CONVERSION}/mappingSets/preview`, { data, mappingSet }).expect(200);
    expect(res.body).toEqual([
      {
        data: { _id: '1234', channel: 'web', person: { email: 'jim@example.com', name: 'Jim Seltzer', age: 42 } },
        errors: null,
      },
      {
        data: { _id: '5678', channel: 'web', person: { email: 'ann@example.com', name: 'Ann Lee' } },
        errors: [
          {
            destination: 'person.age',
            source: 'to_integer(age)',
            columnName: 'person.age',
            sourceType: 'EXPRESSION',
            exception: expect.stringMatching(/abc/),
          },
        ],
      },
    ]);
  });

  it('answers an empty array for no data', async () => {
    expect((await api.post(`${CONVERSION}/mappingSets/preview`, { data: [], mappingSet }).expect(200)).body).toEqual(
      [],
    );
  });

  it.each([
    [
      'a mapping set that does not compile',
      {
        data: [{}],
        mappingSet: { mappings: [{ sourceExpression: 'lower(', sourceType: 'EXPRESSION', destination: 'x' }] },
      },
      /mappings\[0\]/,
    ],
    ['no data', { mappingSet }, /data/],
    ['no mapping set', { data: [{}] }, /mappingSet/],
  ])('answers 400 for %s', async (_label, body, detail) => {
    expectServiceError(await api.post(`${CONVERSION}/mappingSets/preview`, body), 'data-prep', 400, detail);
  });
});

describe('POST /languages/el/validate', () => {
  it.each([
    ['concat("Hi", ",", "there", "!")', true],
    ['lower(${First Name}) + "x"', true],
    ['iif(a > 3, "big", "small")', true],
    ['to_integer("12") * 2', true],
    ['concat("a", ', false],
    ['no_such_function(1)', false],
    ['a +* b', false],
    ['"unterminated', false],
  ])('answers %s → %s', async (expression, valid) => {
    const res = await api.post(`${CONVERSION}/languages/el/validate`, { expression }).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toBe(valid);
  });

  it('answers false for an empty expression and 400 without one', async () => {
    expect((await api.post(`${CONVERSION}/languages/el/validate`, { expression: ' ' }).expect(200)).body).toBe(false);
    expectServiceError(
      await api.post(`${CONVERSION}/languages/el/validate`, { mappingSetId: 'x' }),
      'data-prep',
      400,
      /expression/,
    );
    expectServiceError(
      await api.post(`${CONVERSION}/languages/el/validate`, { expression: 7 }),
      'data-prep',
      400,
      /expression/,
    );
  });
});

describe('GET /languages/el/functions and /operators', () => {
  const FUNCTION_KEYS = [
    'category',
    'description',
    'example',
    'function',
    'params',
    'result',
    'returnType',
    'returns',
    'syntax',
  ];

  it('lists functions in the documented item shape', async () => {
    const res = await api.get(`${CONVERSION}/languages/el/functions`).expect(200);
    const functions = res.body as Record<string, unknown>[];
    expect(functions.length).toBeGreaterThan(50);
    for (const f of functions) {
      const keys = Object.keys(f)
        .filter((k) => k !== 'since')
        .sort();
      expect(keys, String(f.function)).toEqual(FUNCTION_KEYS);
      for (const key of FUNCTION_KEYS.filter((k) => k !== 'params'))
        expect(typeof f[key], `${String(f.function)}.${key}`).toBe('string');
      if ('since' in f) expect(typeof f.since).toBe('number');
      const params = f.params as Record<string, unknown>[];
      expect(Array.isArray(params)).toBe(true);
      params.forEach((p, i) => {
        expect(Object.keys(p).sort()).toEqual(['dataType', 'description', 'name', 'position', 'type']);
        expect(p.position).toBe(i + 1);
      });
    }
    const names = functions.map((f) => f.function);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      'concat',
      'lower',
      'upper',
      'sha256',
      'to_integer',
      'ua_os_name',
      'uuid',
      'iif',
      'date',
      'to_map',
      'first',
    ])
      expect(names).toContain(name);
  });

  it('describes concat as the documentation does', async () => {
    const functions = (await api.get(`${CONVERSION}/languages/el/functions`).expect(200)).body as Record<
      string,
      unknown
    >[];
    expect(functions.find((f) => f.function === 'concat')).toMatchObject({
      category: 'String',
      returnType: 'java.lang.String',
      params: [{ position: 1, dataType: '[Ljava.lang.Object;' }],
    });
  });

  it('lists only functions the expression validator knows: every listed example validates', async () => {
    const functions = (await api.get(`${CONVERSION}/languages/el/functions`).expect(200)).body as {
      function: string;
      example: string;
    }[];
    const withExamples = functions.filter((f) => f.example.trim() !== '');
    expect(withExamples.length).toBeGreaterThan(functions.length / 2);
    for (const f of withExamples) {
      const res = await api.post(`${CONVERSION}/languages/el/validate`, { expression: f.example }).expect(200);
      expect(res.body, `${f.function}: ${f.example}`).toBe(true);
    }
  });

  it('lists operators as {operatorSymbol, methodName, numberOfOperands, description, example}', async () => {
    const operators = (await api.get(`${CONVERSION}/languages/el/operators`).expect(200)).body as Record<
      string,
      unknown
    >[];
    expect(operators.length).toBeGreaterThanOrEqual(5);
    for (const o of operators) {
      expect(Object.keys(o).sort()).toEqual([
        'description',
        'example',
        'methodName',
        'numberOfOperands',
        'operatorSymbol',
      ]);
      expect([1, 2, 3]).toContain(o.numberOfOperands);
    }
    // The five items of Adobe's sample (data-prep.yaml).
    for (const [operatorSymbol, methodName, numberOfOperands] of [
      ['+', 'add', 2],
      ['/', 'divide', 2],
      ['~', 'complement', 1],
      ['-', 'negate', 1],
      ['!', 'not', 1],
    ] as const)
      expect(operators).toContainEqual(expect.objectContaining({ operatorSymbol, methodName, numberOfOperands }));
  });
});
