// Catalog Service datasets (reference/adobe-aep.md §6): create answers 201 `["@/dataSets/{id}"]`,
// reads answer an object keyed by id, lists page with limit/start and filter by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import { aepApi, CATALOG, createSchema, newTenant, XED_FULL, type AepApi } from '../../helpers/aep.js';
import { dataSetIdOf, expectServiceError } from '../../helpers/aep-data.js';
import { startTestEmulator } from '../../helpers/emulator.js';

const NOTEXT = 'application/vnd.adobe.xed-full-notext+json; version=1';

let emu: Emulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

/** A fresh tenant with one schema, so each test sees only its own datasets. */
async function tenantWithSchema(): Promise<{ api: AepApi; schemaId: string }> {
  const api = aepApi(emu.url, newTenant());
  return { api, schemaId: await createSchema(api) };
}

async function createDataSet(api: AepApi, body: object): Promise<string> {
  const res = await api.post(`${CATALOG}/dataSets`, body);
  expect(res.status).toBe(201);
  return dataSetIdOf(res.body);
}

describe('POST /dataSets', () => {
  it('answers 201 with ["@/dataSets/{24-hex id}"] and a Location header', async () => {
    const { api, schemaId } = await tenantWithSchema();
    const res = await api.post(`${CATALOG}/dataSets`, {
      name: 'Profiles',
      schemaRef: { id: schemaId, contentType: NOTEXT },
    });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const id = dataSetIdOf(res.body);
    expect(res.headers.location).toBe(`/dataSets/${id}`);
  });

  it('gives every dataset its own id', async () => {
    const { api, schemaId } = await tenantWithSchema();
    const body = { name: 'Twice', schemaRef: { id: schemaId, contentType: XED_FULL } };
    const first = await createDataSet(api, body);
    const second = await createDataSet(api, body);
    expect(first).not.toBe(second);
  });

  it.each([
    ['no schemaRef', { name: 'x' }, /schemaRef/],
    [
      'schemaRef without contentType',
      { name: 'x', schemaRef: { id: 'https://ns.adobe.com/t/schemas/1' } },
      /contentType/,
    ],
    ['a name that is not a string', { name: 7, schemaRef: { id: 'x', contentType: XED_FULL } }, /name/],
    [
      'tags that are not string arrays',
      { tags: { unifiedProfile: 'enabled:true' }, schemaRef: { id: 'x', contentType: XED_FULL } },
      /tags/,
    ],
    ['a JSON array', [], /object/],
  ])('answers 400 for %s', async (_label, body, detail) => {
    const { api } = await tenantWithSchema();
    expectServiceError(await api.post(`${CATALOG}/dataSets`, body), 'catalog', 400, detail);
  });

  it('answers 400 for a schema that does not exist in the sandbox', async () => {
    const { api } = await tenantWithSchema();
    const missing = 'https://ns.adobe.com/nobody/schemas/0123456789abcdef';
    const res = await api.post(`${CATALOG}/dataSets`, { name: 'x', schemaRef: { id: missing, contentType: XED_FULL } });
    expectServiceError(res, 'catalog', 400, /does not exist/);
    expect((res.body as { detail: string }).detail).toContain(missing);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const { api } = await tenantWithSchema();
    const res = await api.post(`${CATALOG}/dataSets`).send('{"name":');
    expectServiceError(res, 'catalog', 400, /JSON/);
  });

  it('does not see a schema of another sandbox of the same org', async () => {
    const { api, schemaId } = await tenantWithSchema();
    const sibling = aepApi(emu.url, { ...api.tenant, sandbox: 'other' });
    const res = await sibling.post(`${CATALOG}/dataSets`, {
      name: 'x',
      schemaRef: { id: schemaId, contentType: XED_FULL },
    });
    expectServiceError(res, 'catalog', 400, /does not exist/);
  });
});

describe('GET /dataSets/{id}', () => {
  it('answers the dataset keyed by its id, with what was written and what Catalog adds', async () => {
    const { api, schemaId } = await tenantWithSchema();
    const tags = { unifiedProfile: ['enabled:true'], unifiedIdentity: ['enabled:true'] };
    const body = { name: 'Loyalty', description: 'members', schemaRef: { id: schemaId, contentType: NOTEXT }, tags };
    const id = await createDataSet(api, body);
    const res = await api.get(`${CATALOG}/dataSets/${id}`).expect(200);
    expect(Object.keys(res.body as object)).toEqual([id]);
    const dataSet = (res.body as Record<string, Record<string, unknown>>)[id]!;
    expect(dataSet).toMatchObject({
      ...body,
      imsOrg: api.tenant.org,
      files: `@/dataSetFiles?dataSetId=${id}`,
      createdClient: 'test-client',
      createdUser: 'test-client@AdobeID',
      version: '1.0.0',
    });
    expect(typeof dataSet.created).toBe('number');
    expect(dataSet.updated).toBe(dataSet.created);
  });

  it('answers 404 for an unknown id, and for an id of another tenant', async () => {
    const { api, schemaId } = await tenantWithSchema();
    expectServiceError(
      await api.get(`${CATALOG}/dataSets/ffffffffffffffffffffffff`),
      'catalog',
      404,
      /ffffffffffffffffffffffff/,
    );
    const id = await createDataSet(api, { name: 'mine', schemaRef: { id: schemaId, contentType: XED_FULL } });
    const stranger = aepApi(emu.url, newTenant());
    expectServiceError(await stranger.get(`${CATALOG}/dataSets/${id}`), 'catalog', 404);
  });
});

describe('GET /dataSets', () => {
  let api: AepApi;
  let ids: string[];
  beforeAll(async () => {
    const setup = await tenantWithSchema();
    api = setup.api;
    ids = [];
    for (const name of ['alpha', 'beta', 'gamma', 'beta'])
      ids.push(await createDataSet(api, { name, schemaRef: { id: setup.schemaId, contentType: XED_FULL } }));
  });

  const listed = async (query: string): Promise<Record<string, Record<string, unknown>>> =>
    (await api.get(`${CATALOG}/dataSets${query}`).expect(200)).body as Record<string, Record<string, unknown>>;

  it('answers every dataset of the tenant keyed by id, oldest first', async () => {
    const all = await listed('');
    expect(Object.keys(all)).toEqual(ids);
    expect(Object.values(all).map((d) => d.name)).toEqual(['alpha', 'beta', 'gamma', 'beta']);
  });

  it('is empty for a tenant without datasets', async () => {
    const res = await aepApi(emu.url, newTenant()).get(`${CATALOG}/dataSets`).expect(200);
    expect(res.body).toEqual({});
  });

  it.each([
    ['?limit=2', [0, 1]],
    ['?limit=2&start=2', [2, 3]],
    ['?start=3', [3]],
    ['?start=10', []],
    ['?limit=100', [0, 1, 2, 3]],
  ])('pages with %s', async (query, expected) => {
    expect(Object.keys(await listed(query))).toEqual(expected.map((i) => ids[i]));
  });

  it('filters by name', async () => {
    expect(Object.keys(await listed('?name=beta'))).toEqual([ids[1], ids[3]]);
    expect(await listed('?name=delta')).toEqual({});
  });

  it('projects the listed properties only', async () => {
    const all = await listed('?properties=name,files');
    expect(Object.keys(all)).toEqual(ids);
    expect(all[ids[0]!]).toEqual({ name: 'alpha', files: `@/dataSetFiles?dataSetId=${ids[0]}` });
  });

  it.each([['?limit=0'], ['?limit=101'], ['?limit=ten'], ['?start=-1'], ['?start=1.5']])(
    'answers 400 for %s',
    async (query) => {
      expectServiceError(await api.get(`${CATALOG}/dataSets${query}`), 'catalog', 400, /limit|start/);
    },
  );
});
