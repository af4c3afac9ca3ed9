// Data Prep mapping sets (reference/adobe-aep.md §4): the three mapping dialects are accepted and
// read back with both spellings; PUT adds a version while older ones stay readable; lists page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import { aepApi, CONVERSION, newTenant, XED_FULL, type AepApi } from '../../helpers/aep.js';
import { expectServiceError } from '../../helpers/aep-data.js';
import { startTestEmulator } from '../../helpers/emulator.js';

const SETS = `${CONVERSION}/mappingSets`;
const SCHEMA_ID = 'https://ns.adobe.com/acme/schemas/89abc189258b1cb1a816d8f2b2341a6d98000ed8f4008305';
const OUTPUT = { schemaRef: { id: SCHEMA_ID, contentType: XED_FULL } };

/** One mapping in each of Adobe's dialects, and a STATIC one (reference §4, "Mapping objects"). */
const MAPPINGS = [
  { sourceType: 'ATTRIBUTE', source: 'id', destination: '_id', name: 'id', description: 'Identifier field' },
  { sourceAttribute: 'email', destinationXdmPath: 'person.email', identity: false, version: 0 },
  {
    destinationXdmPath: 'person.name',
    sourceExpression: 'concat(firstName, " ", lastName)',
    sourceType: 'EXPRESSION',
    identity: false,
    version: 0,
  },
  { sourceType: 'STATIC', source: 'web', destination: 'channel' },
];

/** What each of MAPPINGS reads back as: both spellings and Adobe's read-only fields. */
const READ_BACK = [
  { sourceType: 'text/x.schema-path', source: 'id', destination: '_id', name: 'id', description: 'Identifier field' },
  { sourceType: 'text/x.schema-path', source: 'email', destination: 'person.email' },
  { sourceType: 'EXPRESSION', source: 'concat(firstName, " ", lastName)', destination: 'person.name' },
  { sourceType: 'STATIC', source: 'web', destination: 'channel' },
].map((m) => ({
  ...m,
  sourceAttribute: m.source,
  destinationXdmPath: m.destination,
  identity: false,
  primaryIdentity: false,
  matchScore: 0,
  functionVersion: 1,
}));

type Summary = {
  id: string;
  version: number;
  createdDate: number;
  modifiedDate: number;
  createdBy: string;
  modifiedBy: string;
};
type MappingSet = Summary & { mappings: (Record<string, unknown> & { id: string })[]; [key: string]: unknown };

let emu: Emulator;
let api: AepApi;
beforeAll(async () => {
  emu = await startTestEmulator();
  api = aepApi(emu.url, newTenant());
});
afterAll(() => emu.close());

async function create(body: object, as: AepApi = api): Promise<Summary> {
  const res = await as.post(SETS, body);
  expect(res.status).toBe(200);
  return res.body as Summary;
}

async function read(path: string): Promise<MappingSet> {
  return (await api.get(path).expect(200)).body as MappingSet;
}

describe('POST /mappingSets', () => {
  it('answers 200 with a 32-hex id, version 0, the dates and who wrote it', async () => {
    const summary = await create({ outputSchema: OUTPUT, mappings: MAPPINGS });
    expect(Object.keys(summary).sort()).toEqual([
      'createdBy',
      'createdDate',
      'id',
      'modifiedBy',
      'modifiedDate',
      'version',
    ]);
    expect(summary).toMatchObject({ version: 0, createdBy: 'test-client@AdobeID', modifiedBy: 'test-client@AdobeID' });
    expect(summary.id).toMatch(/^[0-9a-f]{32}$/);
    expect(Number.isInteger(summary.createdDate)).toBe(true);
    expect(summary.modifiedDate).toBe(summary.createdDate);
  });

  it('reads every dialect back with both spellings, an id, a version and the dates', async () => {
    const { id, createdDate } = await create({ name: 'Dialects', outputSchema: OUTPUT, mappings: MAPPINGS });
    const set = await read(`${SETS}/${id}`);
    expect(set).toMatchObject({
      id,
      name: 'Dialects',
      version: 0,
      outputSchema: OUTPUT,
      status: 'PUBLISHED',
      strictMapping: false,
      allowNullValues: false,
    });
    expect(set.mappings).toEqual(
      READ_BACK.map((m) => ({
        ...m,
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        version: 0,
        createdDate,
        modifiedDate: createdDate,
        createdBy: 'test-client@AdobeID',
        modifiedBy: 'test-client@AdobeID',
      })),
    );
    expect(new Set(set.mappings.map((m) => m.id)).size).toBe(MAPPINGS.length);
  });

  it("accepts the tutorials' {xdmSchema, xdmVersion, version} form and keeps those fields", async () => {
    const { id } = await create({ version: 0, xdmSchema: SCHEMA_ID, xdmVersion: '1.0', mappings: [MAPPINGS[1]] });
    expect(await read(`${SETS}/${id}`)).toMatchObject({
      xdmSchema: SCHEMA_ID,
      xdmVersion: '1.0',
      version: 0,
      mappings: [READ_BACK[1]],
    });
  });

  it('accepts identity fields and the read-back form of a mapping written again', async () => {
    const identity = {
      sourceAttribute: 'ecid',
      destinationXdmPath: 'identityMap.ECID',
      identity: true,
      primaryIdentity: true,
      identityGroup: 'ECID',
      namespaceCode: 'ECID',
    };
    const first = await read(`${SETS}/${(await create({ mappings: [identity] })).id}`);
    expect(first.mappings[0]).toMatchObject(identity);
    const again = await read(`${SETS}/${(await create({ mappings: first.mappings })).id}`);
    const { id: _a, createdDate: _b, modifiedDate: _c, ...copied } = again.mappings[0]!;
    const { id: _d, createdDate: _e, modifiedDate: _f, ...original } = first.mappings[0]!;
    expect(copied).toEqual(original);
  });

  it.each([
    [
      'an expression that does not parse',
      { sourceType: 'EXPRESSION', source: 'concat(a, ', destination: 'x' },
      /mappings\[1\]\.source/,
    ],
    [
      'an expression calling an unknown function',
      { sourceExpression: 'no_such_fn(a)', sourceType: 'EXPRESSION', destinationXdmPath: 'x' },
      /no_such_fn/,
    ],
    ['a bare function name as a field', { sourceType: 'EXPRESSION', source: 'lower + 1', destination: 'x' }, /lower/],
    ['an unknown sourceType', { sourceType: 'COLUMN', source: 'a', destination: 'x' }, /sourceType/],
    ['no destination', { sourceAttribute: 'a' }, /destination/],
    ['no source', { destinationXdmPath: 'x' }, /source/],
    ['an empty source', { source: ' ', destination: 'x' }, /must not be empty/],
    ['spellings that disagree', { source: 'a', sourceAttribute: 'b', destination: 'x' }, /disagree/],
    ['a destination that is not a path', { source: 'a', destination: 'a..b' }, /destination/],
    ['identity that is not a boolean', { source: 'a', destination: 'x', identity: 'yes' }, /identity/],
  ])('answers 400 for %s', async (_label, mapping, detail) => {
    expectServiceError(await api.post(SETS, { mappings: [MAPPINGS[0], mapping] }), 'data-prep', 400, detail);
  });

  it.each([
    ['no mappings', {}],
    ['mappings that are not an array', { mappings: {} }],
    ['a mapping that is not an object', { mappings: ['a'] }],
    ['a version that is not an integer', { version: '0', mappings: [] }],
  ])('answers 400 for a body with %s', async (_label, body) => {
    expectServiceError(await api.post(SETS, body), 'data-prep', 400);
  });

  it('answers 400 for a body that is not JSON', async () => {
    expectServiceError(await api.post(SETS).send('{"mappings":['), 'data-prep', 400, /JSON/);
  });
});

describe('PUT /mappingSets/{id} and versions', () => {
  let id: string;
  let created: Summary;
  let replaced: Summary;
  beforeAll(async () => {
    created = await create({ name: 'v0', outputSchema: OUTPUT, mappings: MAPPINGS });
    id = created.id;
    const res = await api.put(`${SETS}/${id}`, { name: 'v1', outputSchema: OUTPUT, mappings: [MAPPINGS[1]] });
    expect(res.status).toBe(200);
    replaced = res.body as Summary;
  });

  it('answers the next version, keeping the creation date and creator', () => {
    expect(replaced).toMatchObject({ id, version: 1, createdDate: created.createdDate, createdBy: created.createdBy });
    expect(replaced.modifiedDate).toBeGreaterThanOrEqual(created.modifiedDate);
  });

  it('serves the latest version by default and every version by ?version=', async () => {
    const latest = await read(`${SETS}/${id}`);
    expect(latest).toMatchObject({ name: 'v1', version: 1, mappings: [{ ...READ_BACK[1], version: 1 }] });
    expect(await read(`${SETS}/${id}?version=1`)).toEqual(latest);
    const first = await read(`${SETS}/${id}?version=0`);
    expect(first).toMatchObject({ name: 'v0', version: 0 });
    expect(first.mappings).toHaveLength(MAPPINGS.length);
  });

  it("serves each version's mappings, one by one too, with both spellings", async () => {
    const all = (await api.get(`${SETS}/${id}/mappings?version=0`).expect(200)).body as MappingSet['mappings'];
    expect(all).toEqual((await read(`${SETS}/${id}?version=0`)).mappings);
    for (const [i, mapping] of all.entries()) {
      const one = await api.get(`${SETS}/${id}/mappings/${mapping.id}?version=0`).expect(200);
      expect(one.body).toEqual(mapping);
      expect(one.body).toMatchObject(READ_BACK[i]!);
    }
    const latest = (await api.get(`${SETS}/${id}/mappings`).expect(200)).body as MappingSet['mappings'];
    expect(latest).toEqual([expect.objectContaining(READ_BACK[1])]);
  });

  it('refuses a replacement with an invalid mapping and keeps the current version', async () => {
    const res = await api.put(`${SETS}/${id}`, {
      mappings: [{ sourceType: 'EXPRESSION', source: 'upper(', destination: 'x' }],
    });
    expectServiceError(res, 'data-prep', 400, /mappings\[0\]/);
    expect((await read(`${SETS}/${id}`)).version).toBe(1);
  });

  it.each([
    ['GET an unknown mapping set', (api: AepApi) => api.get(`${SETS}/0123456789abcdef0123456789abcdef`)],
    ['GET a version that does not exist', (api: AepApi) => api.get(`${SETS}/${id}?version=2`)],
    [
      'GET the mappings of an unknown set',
      (api: AepApi) => api.get(`${SETS}/0123456789abcdef0123456789abcdef/mappings`),
    ],
    ['GET an unknown mapping', (api: AepApi) => api.get(`${SETS}/${id}/mappings/nope`)],
    [
      'PUT an unknown mapping set',
      (api: AepApi) => api.put(`${SETS}/0123456789abcdef0123456789abcdef`, { mappings: [] }),
    ],
    ["GET another tenant's mapping set", () => aepApi(emu.url, newTenant()).get(`${SETS}/${id}`)],
  ])('answers 404 to %s', async (_label, call) => {
    expectServiceError(await call(api), 'data-prep', 404, /not found/);
  });

  it.each([['?version=latest'], ['?version=-1']])('answers 400 for %s', async (query) => {
    expectServiceError(await api.get(`${SETS}/${id}${query}`), 'data-prep', 400, /version/);
  });
});

describe('GET /mappingSets', () => {
  let lister: AepApi;
  let ids: string[];
  beforeAll(async () => {
    lister = aepApi(emu.url, newTenant());
    ids = [];
    for (const name of ['a', 'b', 'c']) ids.push((await create({ name, mappings: [MAPPINGS[0]] }, lister)).id);
    await lister.put(`${SETS}/${ids[1]}`, { name: 'b', mappings: [MAPPINGS[1]] }).expect(200);
  });

  const list = async (query: string) =>
    (await lister.get(`${SETS}${query}`).expect(200)).body as {
      data: MappingSet[];
      _page: { count: number; limit: number };
      _links: unknown;
    };

  it('answers {data, _page:{count, limit}, _links} with each set at its latest version', async () => {
    const page = await list('');
    expect(page._page).toEqual({ count: 3, limit: 10 });
    expect(page._links).toEqual({});
    expect(page.data.map((s) => [s.id, s.version])).toEqual([
      [ids[0], 0],
      [ids[1], 1],
      [ids[2], 0],
    ]);
  });

  it.each([
    ['?limit=2', [0, 1], 2],
    ['?limit=2&start=2', [2], 2],
    ['?start=5', [], 10],
    ['?limit=1&start=1', [1], 1],
  ])('pages with %s', async (query, expected, limit) => {
    const page = await list(query);
    expect(page.data.map((s) => s.id)).toEqual(expected.map((i) => ids[i]));
    expect(page._page).toEqual({ count: 3, limit });
  });

  it('filters by name and orders by -createdDate', async () => {
    expect((await list('?name=b')).data.map((s) => s.id)).toEqual([ids[1]]);
    const newest = (await list('?orderBy=-createdDate')).data.map((s) => s.createdDate);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
  });

  it.each([['?limit=0'], ['?limit=x'], ['?start=-1'], ['?orderBy=name']])('answers 400 for %s', async (query) => {
    expectServiceError(await lister.get(`${SETS}${query}`), 'data-prep', 400);
  });
});
