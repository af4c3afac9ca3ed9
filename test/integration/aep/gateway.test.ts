// The Platform gateway in front of every /data/foundation service: the four headers, then the
// Content-Type of writes (reference/adobe-aep.md §2, §7), and isolation per org and sandbox.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import {
  aepApi,
  aepHeaders,
  CATALOG,
  CONVERSION,
  createEntity,
  expectContentTypeError,
  expectFlowError,
  expectGatewayError,
  expectStatus,
  FLOW_SERVICE,
  getEntity,
  httpApiConnectionBody,
  newTenant,
  SCHEMA_REGISTRY,
  type Tenant,
} from '../../helpers/aep.js';
import { startTestEmulator } from '../../helpers/emulator.js';

/** One readable and one writable path per service behind the gateway. */
const SERVICES = [
  { service: 'flowservice', list: `${FLOW_SERVICE}/flows`, write: `${FLOW_SERVICE}/connections` },
  { service: 'catalog', list: `${CATALOG}/dataSets`, write: `${CATALOG}/dataSets` },
  { service: 'schemaregistry', list: `${SCHEMA_REGISTRY}/tenant/schemas`, write: `${SCHEMA_REGISTRY}/tenant/schemas` },
  { service: 'conversion', list: `${CONVERSION}/mappingSets`, write: `${CONVERSION}/mappingSets` },
] as const;

type Headers = Record<string, string>;
const without =
  (...names: string[]) =>
  (h: Headers): Headers =>
    Object.fromEntries(Object.entries(h).filter(([name]) => !names.includes(name)));
const replacing =
  (name: string, value: string) =>
  (h: Headers): Headers => ({ ...h, [name]: value });

/** [case, how the headers change, status, error_code]; with several problems the first one in gateway order wins. */
const HEADER_ERRORS: [string, (h: Headers) => Headers, number, string][] = [
  ['no Authorization', without('authorization'), 403, '403010'],
  ['no headers at all', () => ({}), 403, '403010'],
  ['a Basic token', replacing('authorization', 'Basic dXNlcjpwYXNz'), 401, '401013'],
  ['an empty bearer token', replacing('authorization', 'Bearer '), 401, '401013'],
  ['"Bearer" with two words', replacing('authorization', 'Bearer a b'), 401, '401013'],
  ['a bare token', replacing('authorization', 'test-token'), 401, '401013'],
  ['no x-api-key', without('x-api-key'), 403, '403000'],
  ['an empty x-api-key', replacing('x-api-key', ''), 403, '403000'],
  ['no x-gw-ims-org-id', without('x-gw-ims-org-id'), 400, '400003'],
  ['no key and no org', without('x-api-key', 'x-gw-ims-org-id'), 403, '403000'],
  ['a bad token and no key', (h) => without('x-api-key')(replacing('authorization', 'Basic x')(h)), 401, '401013'],
];

const ROWS = SERVICES.flatMap((s) => HEADER_ERRORS.map((row) => [s.service, ...row, s] as const));

describe('gateway header errors', () => {
  let emu: Emulator;
  const tenant = newTenant();
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.close());

  it.each(ROWS)('%s, %s: %i %s', async (_service, _case, change, status, code, s) => {
    const headers = change(aepHeaders(tenant));
    expectGatewayError(await request(emu.url).get(s.list).set(headers), status, code);
    const res = await request(emu.url).post(s.write).set(headers).set('content-type', 'application/json').send({});
    expectGatewayError(res, status, code);
  });

  it('the valid headers pass on every service', async () => {
    for (const s of SERVICES) {
      const res = await request(emu.url)
        .get(s.list)
        .set(aepHeaders(tenant))
        .set('accept', 'application/vnd.adobe.xed-id+json');
      expect([s.service, res.status]).toEqual([s.service, 200]);
    }
  });

  it('flowservice answers FLOW-2105-400 without x-sandbox-name, blank or missing', async () => {
    const headers = without('x-sandbox-name')(aepHeaders(tenant));
    expectFlowError(await request(emu.url).get(`${FLOW_SERVICE}/flows`).set(headers), 2105, 400);
    expectFlowError(await request(emu.url).get(`${FLOW_SERVICE}/connectionSpecs`).set(headers), 2105, 400);
    const blank = { ...headers, 'x-sandbox-name': '  ' };
    expectFlowError(await request(emu.url).get(`${FLOW_SERVICE}/flows`).set(blank), 2105, 400);
  });

  it('the other services fall back to the prod sandbox without x-sandbox-name', async () => {
    const org = newTenant('prod');
    const noSandbox = without('x-sandbox-name')(aepHeaders(org));
    const created = await request(emu.url)
      .post(`${SCHEMA_REGISTRY}/tenant/schemas`)
      .set(noSandbox)
      .send({ title: 'Fallback schema', type: 'object' })
      .expect(201);
    const inProd = await aepApi(emu.url, org)
      .get(`${SCHEMA_REGISTRY}/tenant/schemas`)
      .set('accept', 'application/vnd.adobe.xed-id+json');
    const inDev = await aepApi(emu.url, { ...org, sandbox: 'dev' })
      .get(`${SCHEMA_REGISTRY}/tenant/schemas`)
      .set('accept', 'application/vnd.adobe.xed-id+json');
    const ids = (res: request.Response) => (res.body as { results: { $id: string }[] }).results.map((r) => r.$id);
    expect(ids(inProd)).toEqual([(created.body as { $id: string }).$id]);
    expect(ids(inDev)).toEqual([]);
  });
});

describe('gateway with aepTokens and aepApiKeys configured', () => {
  let emu: Emulator;
  const good = newTenant('dev', { token: 'good-token', apiKey: 'good-key' });
  beforeAll(async () => {
    emu = await startTestEmulator({ aepTokens: ['good-token', 'other-token'], aepApiKeys: ['good-key'] });
  });
  afterAll(() => emu.close());

  it.each([
    ['an unknown token', { ...good, token: 'stolen-token' }, 401, '401013'],
    ['an unknown api key', { ...good, apiKey: 'guessed-key' }, 403, '403003'],
    ['an unknown token and key', { ...good, token: 'x', apiKey: 'y' }, 401, '401013'],
  ] as [string, Tenant, number, string][])('%s: %i %s on every service', async (_case, tenant, status, code) => {
    for (const s of SERVICES)
      expectGatewayError(await request(emu.url).get(s.list).set(aepHeaders(tenant)), status, code);
  });

  it.each([
    ['the first token', good],
    ['another accepted token', { ...good, token: 'other-token' }],
  ])('%s with an accepted key passes', async (_case, tenant) => {
    await request(emu.url).get(`${FLOW_SERVICE}/flows`).set(aepHeaders(tenant)).expect(200);
  });
});

describe('gateway Content-Type on writes', () => {
  let emu: Emulator;
  const tenant = newTenant();
  let flowPath = '';
  beforeAll(async () => {
    emu = await startTestEmulator();
    const api = aepApi(emu.url, tenant);
    const { id } = await createEntity(api, 'connections', httpApiConnectionBody('content-type'));
    flowPath = `${FLOW_SERVICE}/connections/${id}`;
  });
  afterAll(() => emu.close());

  /** [method, path (per service), content type or undefined for none]. */
  const BAD: [string, string, string | undefined][] = [
    ...SERVICES.flatMap((s): [string, string, string | undefined][] => [
      ['POST', s.write, undefined],
      ['POST', s.write, 'text/plain'],
      ['POST', s.write, 'application/xml'],
      ['POST', s.write, 'application/x-www-form-urlencoded'],
    ]),
    ['PUT', `${CONVERSION}/mappingSets/0123456789abcdef0123456789abcdef`, 'text/plain'],
    ['PATCH', 'connection', 'text/plain'],
    ['PATCH', 'connection', undefined],
    ['PATCH', 'connection', 'application/jsonx'],
  ];

  it.each(BAD)('%s %s with content type %s answers the gateway 400', async (method, path, type) => {
    const verb = method.toLowerCase() as 'post' | 'put' | 'patch';
    const agent = request(emu.url);
    const test = agent[verb](path === 'connection' ? flowPath : path).set(aepHeaders(tenant));
    if (type !== undefined) test.set('content-type', type).send('[{"op":"replace","path":"/name","value":"x"}]');
    const res = await test;
    expectContentTypeError(res);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('the gateway checks headers before the content type', async () => {
    const headers = without('x-api-key')(aepHeaders(tenant));
    const res = await request(emu.url)
      .post(`${FLOW_SERVICE}/connections`)
      .set(headers)
      .set('content-type', 'text/plain')
      .send('x');
    expectGatewayError(res, 403, '403000');
  });

  it.each([
    ['application/json-patch+json'],
    ['application/json'],
    ['application/json; charset=utf-8'],
    ['APPLICATION/JSON-PATCH+JSON'],
  ])('PATCH with %s is accepted', async (type) => {
    const api = aepApi(emu.url, tenant);
    const { etag } = (await getEntity(api, 'connections', flowPath.split('/').pop()!)) as { etag: string };
    const res = await request(emu.url)
      .patch(flowPath)
      .set(aepHeaders(tenant))
      .set('if-match', etag)
      .set('content-type', type)
      .send(JSON.stringify([{ op: 'replace', path: '/name', value: `renamed as ${type}` }]));
    expectStatus(res, 200);
    const after = await getEntity(api, 'connections', flowPath.split('/').pop()!);
    expect(after.name).toBe(`renamed as ${type}`);
  });

  it('GET and DELETE need no content type', async () => {
    const api = aepApi(emu.url, tenant);
    const { id } = await createEntity(api, 'connections', httpApiConnectionBody('to delete'));
    await request(emu.url).get(`${FLOW_SERVICE}/connections/${id}`).set(aepHeaders(tenant)).expect(200);
    await request(emu.url).delete(`${FLOW_SERVICE}/connections/${id}`).set(aepHeaders(tenant)).expect(204);
  });
});

describe('tenant isolation', () => {
  let emu: Emulator;
  const orgADev = newTenant('dev');
  const orgAProd: Tenant = { ...orgADev, sandbox: 'prod' };
  const orgBDev = newTenant('dev');
  let id = '';
  beforeAll(async () => {
    emu = await startTestEmulator();
    id = (await createEntity(aepApi(emu.url, orgADev), 'connections', httpApiConnectionBody('org A dev'))).id;
  });
  afterAll(() => emu.close());

  it('the entity carries its org and sandbox', async () => {
    const entity = await getEntity(aepApi(emu.url, orgADev), 'connections', id);
    expect(entity).toMatchObject({ id, imsOrgId: orgADev.org, sandboxName: 'dev' });
  });

  it.each([
    ['the prod sandbox of the same org', orgAProd],
    ['the same sandbox name in another org', orgBDev],
  ])('%s does not see it: GET, PATCH and DELETE are FLOW-1439-404', async (_case, other) => {
    const api = aepApi(emu.url, other);
    expectFlowError(await api.get(`${FLOW_SERVICE}/connections/${id}`), 1439, 404);
    const patch = [{ op: 'replace', path: '/name', value: 'hijacked' }];
    expectFlowError(await api.patch(`${FLOW_SERVICE}/connections/${id}`, patch, '"x"'), 1439, 404);
    expectFlowError(await api.delete(`${FLOW_SERVICE}/connections/${id}`), 1439, 404);
    expect((await getEntity(aepApi(emu.url, orgADev), 'connections', id)).name).toBe('org A dev');
  });

  it('each tenant lists only its own connections, with its own sandbox id', async () => {
    const own = await createEntity(aepApi(emu.url, orgAProd), 'connections', httpApiConnectionBody('org A prod'));
    const list = async (t: Tenant) =>
      (
        (await aepApi(emu.url, t).get(`${FLOW_SERVICE}/connections`).expect(200)).body as { items: { id: string }[] }
      ).items.map((e) => e.id);
    expect(await list(orgADev)).toEqual([id]);
    expect(await list(orgAProd)).toEqual([own.id]);
    expect(await list(orgBDev)).toEqual([]);
    const dev = await getEntity(aepApi(emu.url, orgADev), 'connections', id);
    const prod = await getEntity(aepApi(emu.url, orgAProd), 'connections', own.id);
    expect(typeof dev.sandboxId).toBe('string');
    expect(dev.sandboxId).not.toBe(prod.sandboxId);
  });
});
