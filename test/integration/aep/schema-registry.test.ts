// Schema Registry tenant schemas (reference/adobe-aep.md §6, §7): create answers 201; a lookup by
// URL-encoded $id or meta:altId needs a versioned xed Accept header (XDM-1007 otherwise); a list
// needs an xed Accept (XDM-1006) and answers ids and titles in the xed-id form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import { aepApi, newTenant, SCHEMA_REGISTRY, type AepApi } from '../../helpers/aep.js';
import { expectXdmError, getWithAccept } from '../../helpers/aep-data.js';
import { startTestEmulator } from '../../helpers/emulator.js';

const SCHEMAS = `${SCHEMA_REGISTRY}/tenant/schemas`;
const FULL = 'application/vnd.adobe.xed-full+json; version=1';

/** A schema with titles and descriptions at several depths, and fields named `title` and `description`. */
const SCHEMA_BODY = Object.freeze({
  title: 'Loyalty members',
  description: 'One record per member',
  type: 'object',
  'meta:class': 'https://ns.adobe.com/xdm/context/profile',
  allOf: [{ $ref: 'https://ns.adobe.com/xdm/context/profile' }],
  properties: {
    person: {
      title: 'Person',
      description: 'Who the member is',
      type: 'object',
      properties: {
        title: { type: 'string', title: 'Honorific', description: 'Mr, Ms, Dr…' },
        description: { type: 'string', title: 'Bio' },
        email: { type: 'string', format: 'email' },
      },
    },
  },
});

let emu: Emulator;
let api: AepApi;
let schema: Record<string, unknown> & { $id: string; 'meta:altId': string };
beforeAll(async () => {
  emu = await startTestEmulator();
  api = aepApi(emu.url, newTenant());
  const res = await api.post(SCHEMAS, SCHEMA_BODY);
  expect(res.status).toBe(201);
  schema = res.body as typeof schema;
});
afterAll(() => emu.close());

const byId = (id: string): string => `${SCHEMAS}/${encodeURIComponent(id)}`;

/** Every key of a JSON value at any depth, as `parent.key` paths. */
function paths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}${key}`, ...paths(child, `${prefix}${key}.`)]);
}

describe('POST /tenant/schemas', () => {
  it('answers 201 with the schema, its tenant-scoped $id, meta:altId and version', () => {
    const tenant = api.tenant.org.split('@')[0]!.toLowerCase();
    expect(schema).toMatchObject({
      ...SCHEMA_BODY,
      version: '1.0',
      'meta:resourceType': 'schemas',
      'meta:tenantNamespace': `_${tenant}`,
    });
    const hex = new RegExp(`^https://ns\\.adobe\\.com/${tenant}/schemas/([0-9a-f]+)$`).exec(schema.$id)?.[1];
    expect(hex).toBeDefined();
    expect(schema['meta:altId']).toBe(`_${tenant}.schemas.${hex}`);
    expect(schema['meta:registryMetadata']).toMatchObject({
      'meta:containerId': 'tenant',
      'xdm:createdClientId': 'test-client',
    });
  });

  it('gives each schema its own $id', async () => {
    const again = await api.post(SCHEMAS, SCHEMA_BODY);
    expect(again.status).toBe(201);
    expect((again.body as { $id: string }).$id).not.toBe(schema.$id);
  });

  it.each([
    ['no title', { type: 'object' }],
    ['an empty title', { title: '' }],
    ['a type other than object', { title: 't', type: 'string' }],
    ['allOf that is not an array', { title: 't', allOf: {} }],
  ])('answers 400 for %s', async (_label, body) => {
    expectXdmError(await api.post(SCHEMAS, body), 1000, 400);
  });
});

describe('GET /tenant/schemas/{id}', () => {
  it.each([
    ['xed-full', FULL],
    ['xed', 'application/vnd.adobe.xed+json; version=1'],
    ['xed-full without a space', 'application/vnd.adobe.xed-full+json;version=1'],
    ['xed-full in upper case', 'APPLICATION/VND.ADOBE.XED-FULL+JSON; VERSION=1'],
    ['xed-full after a plain type', `application/json, ${FULL}`],
  ])('answers the schema, by $id and by meta:altId, for %s', async (_label, accept) => {
    for (const id of [schema.$id, schema['meta:altId']]) {
      const res = await getWithAccept(api, byId(id), accept).expect(200);
      expect(JSON.parse(res.text)).toEqual(schema);
    }
  });

  it.each([
    ['xed-full', FULL, 'application/vnd.adobe.xed-full+json; version=1'],
    ['xed', 'application/vnd.adobe.xed+json;version=1', 'application/vnd.adobe.xed+json; version=1'],
    [
      'xed-full-notext',
      'application/vnd.adobe.xed-full-notext+json; version=1',
      'application/vnd.adobe.xed-full-notext+json; version=1',
    ],
  ])('answers %s with that media type', async (_label, accept, contentType) => {
    const res = await getWithAccept(api, byId(schema.$id), accept).expect(200);
    expect(res.headers['content-type']?.split(';').slice(0, 2).join(';')).toBe(contentType);
  });

  it.each([
    ['xed-full-notext', 'application/vnd.adobe.xed-full-notext+json; version=1'],
    ['xed-notext', 'application/vnd.adobe.xed-notext+json; version=1'],
  ])('%s drops every title and description but keeps fields of those names', async (_label, accept) => {
    const res = await getWithAccept(api, byId(schema['meta:altId']), accept).expect(200);
    const body = JSON.parse(res.text) as Record<string, unknown>;
    const keys = paths(body);
    expect(keys).not.toContain('title');
    expect(keys).not.toContain('description');
    expect(keys).not.toContain('properties.person.title');
    expect(keys).not.toContain('properties.person.properties.title.title');
    expect(body.properties).toEqual({
      person: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          description: { type: 'string' },
          email: { type: 'string', format: 'email' },
        },
      },
    });
    expect(body).toMatchObject({ $id: schema.$id, 'meta:altId': schema['meta:altId'], version: '1.0' });
  });

  it.each([
    ['no Accept header', undefined],
    ['application/json', 'application/json'],
    ['*/*', '*/*'],
    ['xed-full without a version', 'application/vnd.adobe.xed-full+json'],
    ['xed without a version', 'application/vnd.adobe.xed+json'],
    ['a version that is not a number', 'application/vnd.adobe.xed-full+json; version=one'],
    ['the xed-id list form', 'application/vnd.adobe.xed-id+json; version=1'],
    ['an unknown xed form', 'application/vnd.adobe.xed-short+json; version=1'],
  ])('answers XDM-1007-400 for %s', async (_label, accept) => {
    const res = await getWithAccept(api, byId(schema.$id), accept);
    expectXdmError(res, 1007, 400, /Accept header is not valid.*Version should be specified/);
    expect((res.body as { title: string }).title).toBe('Accept header invalid');
  });

  it('checks the Accept header before looking the schema up', async () => {
    expectXdmError(
      await getWithAccept(api, byId('https://ns.adobe.com/x/schemas/nope'), 'application/json'),
      1007,
      400,
    );
  });

  it('answers XDM-1012-404 for a version the schema does not have', async () => {
    const res = await getWithAccept(api, byId(schema.$id), 'application/vnd.adobe.xed-full+json; version=2');
    expectXdmError(res, 1012, 404, /with version 2 is not found/);
  });

  it.each([
    ['an unknown $id', 'https://ns.adobe.com/nobody/schemas/0123'],
    ['an unknown meta:altId', '_nobody.schemas.0123'],
  ])('answers XDM-1012-404 for %s', async (_label, id) => {
    const res = await getWithAccept(api, byId(id), FULL);
    expectXdmError(res, 1012, 404, /Requested resource .* with version 1 is not found/);
    expect((res.body as { title: string; detail: string }).title).toBe('Resource Not Found');
    expect((res.body as { detail: string }).detail).toContain(id);
  });

  it("answers XDM-1012-404 for another tenant's schema, and for another sandbox of the same org", async () => {
    for (const stranger of [aepApi(emu.url, newTenant()), aepApi(emu.url, { ...api.tenant, sandbox: 'elsewhere' })]) {
      expectXdmError(await getWithAccept(stranger, byId(schema.$id), FULL), 1012, 404);
    }
  });
});

describe('GET /tenant/schemas', () => {
  let lister: AepApi;
  let created: { $id: string; 'meta:altId': string; title: string }[];
  beforeAll(async () => {
    lister = aepApi(emu.url, newTenant());
    created = [];
    for (const title of ['First', 'Second']) {
      const res = await lister.post(SCHEMAS, { ...SCHEMA_BODY, title });
      expect(res.status).toBe(201);
      created.push(res.body as (typeof created)[number]);
    }
  });

  it('answers ids, versions and titles only in the xed-id form', async () => {
    const res = await getWithAccept(lister, SCHEMAS, 'application/vnd.adobe.xed-id+json').expect(200);
    const body = res.body as { results: unknown[]; _links: unknown; _page: { count: number } };
    expect(body.results).toEqual(
      created.map((s) => ({ $id: s.$id, 'meta:altId': s['meta:altId'], version: '1.0', title: s.title })),
    );
    expect(body._links).toEqual({});
    expect(body._page.count).toBe(2);
  });

  it('answers whole schemas in the xed form, and text-free ones in the notext form', async () => {
    const full = (await getWithAccept(lister, SCHEMAS, 'application/vnd.adobe.xed+json').expect(200)).body as {
      results: Record<string, unknown>[];
    };
    expect(full.results).toEqual(created);
    const notext = await getWithAccept(lister, SCHEMAS, 'application/vnd.adobe.xed-notext+json').expect(200);
    const results = (notext.body as { results: Record<string, unknown>[] }).results;
    expect(results.map((s) => s.$id)).toEqual(created.map((s) => s.$id));
    for (const s of results) expect(Object.keys(s)).not.toContain('title');
  });

  it('answers an empty list for a tenant without schemas', async () => {
    const res = await getWithAccept(aepApi(emu.url, newTenant()), SCHEMAS, 'application/vnd.adobe.xed-id+json').expect(
      200,
    );
    expect((res.body as { results: unknown[] }).results).toEqual([]);
  });

  it.each([
    ['no Accept header', undefined],
    ['application/json', 'application/json'],
    ['a non-xed vendor type', 'application/vnd.adobe.xdm+json'],
    ["a versioned xed type, as the spec's acceptErrorList example", 'application/vnd.adobe.xed+json;version=1'],
    ['a versioned xed-id type', 'application/vnd.adobe.xed-id+json; version=1'],
  ])('answers XDM-1006-400 for %s', async (_label, accept) => {
    const res = await getWithAccept(lister, SCHEMAS, accept);
    expectXdmError(res, 1006, 400, /Accept header is not valid/);
  });
});
