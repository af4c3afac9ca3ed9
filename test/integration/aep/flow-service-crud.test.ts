// Flow Service entities through HTTP: create, read, JSON Patch under If-Match, delete, and the
// rules that keep a used connection from being deleted (reference/adobe-aep.md §3, §3.3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import {
  ADOBE_PROVIDER_ID,
  aepApi,
  CONNECTION_SPECS,
  createEntity,
  createMappingSet,
  createSchemaAndDataset,
  createStreamingFlow,
  dataLakeTargetConnectionBody,
  ETAG,
  expectFlowError,
  FLOW_SERVICE,
  FLOW_SPECS,
  getEntity,
  httpApiConnectionBody,
  INLET_ID,
  newTenant,
  webhookSourceConnectionBody,
  type AepApi,
} from '../../helpers/aep.js';
import { startTestEmulator } from '../../helpers/emulator.js';

type Context = { api: AepApi; schemaId: string; dataSetId: string; mappingSetId: string };
type Resource = 'connections' | 'sourceConnections' | 'targetConnections' | 'flows';

/** A fresh entity of each resource, built from its own fresh dependencies so any of them can be deleted. */
const BUILDERS: Record<Resource, (ctx: Context, name: string) => Promise<object>> = {
  connections: async (_ctx, name) => httpApiConnectionBody(name),
  sourceConnections: async (_ctx, name) => webhookSourceConnectionBody(CONNECTION_SPECS.customerIo, name),
  targetConnections: async (ctx, name) => dataLakeTargetConnectionBody(ctx.schemaId, ctx.dataSetId, name),
  flows: async (ctx, name) => ({
    name,
    flowSpec: { id: FLOW_SPECS.genericStreaming, version: '1.0' },
    sourceConnectionIds: [(await createEntity(ctx.api, 'sourceConnections', webhookSourceConnectionBody())).id],
    targetConnectionIds: [
      (await createEntity(ctx.api, 'targetConnections', dataLakeTargetConnectionBody(ctx.schemaId, ctx.dataSetId))).id,
    ],
    transformations: [{ name: 'Mapping', params: { mappingId: ctx.mappingSetId, mappingVersion: 0 } }],
  }),
};
const RESOURCES = Object.keys(BUILDERS) as Resource[];

let emu: Emulator;
let ctx: Context;
const tenant = newTenant('dev', { apiKey: 'crud-client' });

beforeAll(async () => {
  emu = await startTestEmulator();
  const api = aepApi(emu.url, tenant);
  const { schemaId, dataSetId } = await createSchemaAndDataset(api);
  ctx = { api, schemaId, dataSetId, mappingSetId: await createMappingSet(api, schemaId) };
});
afterAll(() => emu.close());

async function make(resource: Resource, name = `a ${resource}`): Promise<{ id: string; etag: string; path: string }> {
  const written = await createEntity(ctx.api, resource, await BUILDERS[resource](ctx, name));
  return { ...written, path: `${FLOW_SERVICE}/${resource}/${written.id}` };
}

const rename = (value: string) => [{ op: 'replace', path: '/name', value }];

describe.each(RESOURCES)('%s', (resource) => {
  it('POST answers 201 with exactly {id, etag}, the etag in literal quotes', async () => {
    const res = await ctx.api.post(`${FLOW_SERVICE}/${resource}`, await BUILDERS[resource](ctx, 'created'));
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys(res.body as object).sort()).toEqual(['etag', 'id']);
    expect((res.body as { etag: string }).etag).toMatch(ETAG);
    expect((res.body as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GET by id answers {items:[entity]} with every common field', async () => {
    const { id, etag } = await make(resource, 'read me');
    const res = await ctx.api.get(`${FLOW_SERVICE}/${resource}/${id}`).expect(200);
    expect(Object.keys(res.body as object)).toEqual(['items']);
    const [entity] = (res.body as { items: Record<string, unknown>[] }).items;
    expect(entity).toMatchObject({
      id,
      name: 'read me',
      createdBy: 'crud-client@AdobeID',
      updatedBy: 'crud-client@AdobeID',
      createdClient: 'crud-client',
      updatedClient: 'crud-client',
      sandboxName: 'dev',
      imsOrgId: tenant.org,
      version: etag,
      etag,
      state: 'enabled',
    });
    expect(typeof entity!.createdAt).toBe('number');
    expect(entity!.updatedAt).toBe(entity!.createdAt);
    expect(entity!.sandboxId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['with its quotes', (etag: string) => etag],
    ['without quotes', (etag: string) => etag.slice(1, -1)],
  ])('PATCH with If-Match %s answers {id, etag} with a new etag, and GET shows the change', async (_case, form) => {
    const { id, etag, path } = await make(resource);
    const res = await ctx.api.patch(path, rename('patched'), form(etag)).expect(200);
    expect(Object.keys(res.body as object).sort()).toEqual(['etag', 'id']);
    const next = (res.body as { etag: string }).etag;
    expect(res.body).toMatchObject({ id });
    expect(next).toMatch(ETAG);
    expect(next).not.toBe(etag);
    expect(await getEntity(ctx.api, resource, id)).toMatchObject({ name: 'patched', etag: next, version: next });
  });

  it('PATCH add and remove change the entity', async () => {
    const { id, etag, path } = await make(resource);
    const added = await ctx.api.patch(path, [{ op: 'add', path: '/description', value: 'added' }], etag).expect(200);
    expect((await getEntity(ctx.api, resource, id)).description).toBe('added');
    await ctx.api
      .patch(path, [{ op: 'remove', path: '/description' }], (added.body as { etag: string }).etag)
      .expect(200);
    expect(await getEntity(ctx.api, resource, id)).not.toHaveProperty('description');
  });

  it.each([
    ['no If-Match', undefined, rename('x'), 1403, 400],
    ['an empty If-Match', '', rename('x'), 1403, 400],
    ['a stale If-Match', '"00000000-0000-0200-0000-000000000000"', rename('x'), 1404, 412],
    ['an empty array', 'current', [], 1405, 400],
    ['no body', 'current', undefined, 1405, 400],
    ['a connectionSpec change', 'current', [{ op: 'replace', path: '/connectionSpec/id', value: 'x' }], 1414, 400],
    ['a move', 'current', [{ op: 'move', from: '/name', path: '/description' }], 1434, 400],
    ['a copy', 'current', [{ op: 'copy', from: '/name', path: '/description' }], 1434, 400],
  ])('PATCH with %s is FLOW-%i', async (_case, ifMatch, body, code, status) => {
    const { id, etag, path } = await make(resource, 'unchanged');
    expectFlowError(await ctx.api.patch(path, body, ifMatch === 'current' ? etag : ifMatch), code, status);
    expect(await getEntity(ctx.api, resource, id)).toMatchObject({ name: 'unchanged', etag });
  });

  it('a second PATCH with the first etag is stale: FLOW-1404-412', async () => {
    const { etag, path } = await make(resource);
    await ctx.api.patch(path, rename('first'), etag).expect(200);
    expectFlowError(await ctx.api.patch(path, rename('second'), etag), 1404, 412);
  });

  it('PATCH, GET and DELETE of an unknown id are FLOW-1439-404', async () => {
    const path = `${FLOW_SERVICE}/${resource}/00000000-0000-0000-0000-000000000000`;
    expectFlowError(await ctx.api.get(path), 1439, 404);
    expectFlowError(await ctx.api.patch(path, rename('x'), '"x"'), 1439, 404);
    expectFlowError(await ctx.api.delete(path), 1439, 404);
  });

  it('DELETE answers 204 with no content, then GET is FLOW-1439-404', async () => {
    const { id, path } = await make(resource);
    const res = await ctx.api.delete(path);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const gone = await ctx.api.get(path);
    expectFlowError(gone, 1439, 404);
    expect((gone.body as { report: { 'detailed-message': string } }).report['detailed-message']).toContain(id);
    expectFlowError(await ctx.api.delete(path), 1439, 404);
  });
});

describe('what each resource shows', () => {
  it('an HTTP API streaming connection gets an inlet: auth.params.inletId and an absolute inletUrl', async () => {
    const { id } = await make('connections', 'streaming');
    const entity = await getEntity(ctx.api, 'connections', id);
    const params = (entity.auth as { specName: string; params: Record<string, unknown> }).params;
    expect(entity.auth).toMatchObject({
      specName: 'Streaming Connection',
      params: { dataType: 'raw', name: 'streaming' },
    });
    expect(params.inletId).toMatch(INLET_ID);
    expect(params.inletUrl).toBe(`${emu.url}/collection/${String(params.inletId)}`);
    expect(params.authenticationRequired).toBe(false);
    expect(entity.connectionSpec).toEqual({ id: CONNECTION_SPECS.httpApi, version: '1.0' });
  });

  it('each streaming connection gets its own inlet', async () => {
    const inlet = async () =>
      (
        (await getEntity(ctx.api, 'connections', (await make('connections')).id)).auth as {
          params: { inletId: string };
        }
      ).params.inletId;
    expect(await inlet()).not.toBe(await inlet());
  });

  it('a webhook source connection keeps providerId and data.format', async () => {
    const { id } = await make('sourceConnections', 'Customer.io');
    expect(await getEntity(ctx.api, 'sourceConnections', id)).toMatchObject({
      name: 'Customer.io',
      providerId: ADOBE_PROVIDER_ID,
      connectionSpec: { id: CONNECTION_SPECS.customerIo, version: '1.0' },
      data: { format: 'json' },
    });
  });

  it('a data lake target connection keeps its dataset and schema', async () => {
    const { id } = await make('targetConnections');
    expect(await getEntity(ctx.api, 'targetConnections', id)).toMatchObject({
      params: { dataSetId: ctx.dataSetId },
      data: { format: 'json', schema: { id: ctx.schemaId } },
    });
  });

  it('a target connection naming an unknown dataset is FLOW-1100-400', async () => {
    const body = dataLakeTargetConnectionBody(ctx.schemaId, '000000000000000000000000');
    expectFlowError(await ctx.api.post(`${FLOW_SERVICE}/targetConnections`, body), 1100, 400);
  });
});

describe('deleting what a flow uses', () => {
  it('a source or target connection in a flow is FLOW-1447; after the flow is gone it deletes', async () => {
    const { id: flowId } = await make('flows');
    const flow = await getEntity(ctx.api, 'flows', flowId);
    const [sourceId] = flow.sourceConnectionIds as string[];
    const [targetId] = flow.targetConnectionIds as string[];
    const source = await ctx.api.delete(`${FLOW_SERVICE}/sourceConnections/${sourceId}`);
    expectFlowError(source, 1447, 400);
    expect((source.body as { errorMessage: string }).errorMessage).toContain(sourceId);
    expectFlowError(await ctx.api.delete(`${FLOW_SERVICE}/targetConnections/${targetId}`), 1447, 400);
    await getEntity(ctx.api, 'sourceConnections', sourceId!);

    await ctx.api.delete(`${FLOW_SERVICE}/flows/${flowId}`).expect(204);
    await ctx.api.delete(`${FLOW_SERVICE}/sourceConnections/${sourceId}`).expect(204);
    await ctx.api.delete(`${FLOW_SERVICE}/targetConnections/${targetId}`).expect(204);
  });

  it('a base connection behind a flow’s source connection is FLOW-1418; unused, it deletes', async () => {
    const base = await make('connections', 'HTTP API');
    const source = await createEntity(ctx.api, 'sourceConnections', {
      name: 'HTTP API source',
      baseConnectionId: base.id,
      connectionSpec: { id: CONNECTION_SPECS.httpApi, version: '1.0' },
      data: { format: 'json' },
    });
    const target = await make('targetConnections');
    const flow = await createEntity(ctx.api, 'flows', {
      name: 'HTTP API flow',
      flowSpec: { id: FLOW_SPECS.httpApiWithTransformations, version: '1.0' },
      sourceConnectionIds: [source.id],
      targetConnectionIds: [target.id],
      transformations: [{ name: 'Mapping', params: { mappingId: ctx.mappingSetId, mappingVersion: 0 } }],
    });
    const res = await ctx.api.delete(base.path);
    expectFlowError(res, 1418, 400);
    expect((res.body as { errorMessage: string }).errorMessage).toContain(base.id);

    await ctx.api.delete(`${FLOW_SERVICE}/flows/${flow.id}`).expect(204);
    await ctx.api.delete(base.path).expect(204);
  });
});

describe('inlet URLs with publicUrl', () => {
  let pub: Emulator;
  beforeAll(async () => {
    // With a trailing slash, which startEmulator does not strip: the inlet URL must not get "//".
    pub = await startTestEmulator({ publicUrl: 'https://cdp-emulator.example.test/' });
  });
  afterAll(() => pub.close());

  it('flows and streaming connections show their inlet under the public URL', async () => {
    const pubApi = aepApi(pub.url, newTenant());
    const flow = await createStreamingFlow(pubApi);
    expect(flow.inletUrl).toBe(`https://cdp-emulator.example.test/collection/${flow.inletId}`);
    const { id } = await createEntity(pubApi, 'connections', httpApiConnectionBody());
    const params = (
      (await getEntity(pubApi, 'connections', id)).auth as { params: { inletId: string; inletUrl: string } }
    ).params;
    expect(params.inletUrl).toBe(`https://cdp-emulator.example.test/collection/${params.inletId}`);
  });
});
