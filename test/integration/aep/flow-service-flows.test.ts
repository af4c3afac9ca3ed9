// Dataflows through HTTP: what POST /flows checks (FLOW 1100, 1410, 1412, 1413, 1419, 1425,
// 1439), enable/disable actions, inlet URLs, the runs link and inheritedAttributes
// (reference/adobe-aep.md §3.1, §3.3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import {
  aepApi,
  CONNECTION_SPECS,
  CONVERSION,
  createEntity,
  createMappingSet,
  createSchema,
  createSchemaAndDataset,
  createStreamingFlow,
  dataLakeTargetConnectionBody,
  ETAG,
  expectFlowError,
  expectStatus,
  FLOW_SERVICE,
  FLOW_SPECS,
  getEntity,
  httpApiConnectionBody,
  INLET_ID,
  newTenant,
  webhookSourceConnectionBody,
  XED_FULL,
  type AepApi,
} from '../../helpers/aep.js';
import { startTestEmulator } from '../../helpers/emulator.js';

const UNKNOWN_ID = '00000000-0000-0000-0000-000000000000';
const spec = (id: string) => ({ id, version: '1.0' });

let emu: Emulator;
let api: AepApi;
/** A valid GenericStreamingAEP flow body over the Customer.io source; tests change one thing in it. */
let valid: () => Record<string, unknown>;
let ids: { source: string; target: string; mappingSet: string; otherMappingSet: string; httpSource: string };

beforeAll(async () => {
  emu = await startTestEmulator();
  api = aepApi(emu.url, newTenant());
  const { schemaId, dataSetId } = await createSchemaAndDataset(api);
  const base = await createEntity(api, 'connections', httpApiConnectionBody());
  ids = {
    source: (await createEntity(api, 'sourceConnections', webhookSourceConnectionBody())).id,
    target: (await createEntity(api, 'targetConnections', dataLakeTargetConnectionBody(schemaId, dataSetId))).id,
    mappingSet: await createMappingSet(api, schemaId),
    otherMappingSet: await createMappingSet(api, await createSchema(api, { title: 'Another schema', type: 'object' })),
    httpSource: (
      await createEntity(api, 'sourceConnections', {
        name: 'HTTP API source',
        baseConnectionId: base.id,
        connectionSpec: spec(CONNECTION_SPECS.httpApi),
        data: { format: 'json' },
      })
    ).id,
  };
  valid = () => ({
    name: 'flow',
    flowSpec: spec(FLOW_SPECS.genericStreaming),
    sourceConnectionIds: [ids.source],
    targetConnectionIds: [ids.target],
    transformations: [{ name: 'Mapping', params: { mappingId: ids.mappingSet, mappingVersion: 0 } }],
  });
});
afterAll(() => emu.close());

const mapping = (mappingId: string, mappingVersion: unknown) => [
  { name: 'Mapping', params: { mappingId, mappingVersion } },
];

describe('POST /flows checks', () => {
  it('the valid body is accepted (the baseline every row below changes)', async () => {
    await createEntity(api, 'flows', valid());
  });

  it.each<[string, (b: Record<string, unknown>) => Record<string, unknown>, number, number]>([
    ['state in the body', (b) => ({ ...b, state: 'enabled' }), 1410, 400],
    ['state disabled in the body', (b) => ({ ...b, state: 'disabled' }), 1410, 400],
    ['an unknown flow spec id', (b) => ({ ...b, flowSpec: spec(UNKNOWN_ID) }), 1413, 400],
    ['an unknown source connection id', (b) => ({ ...b, sourceConnectionIds: [UNKNOWN_ID] }), 1439, 404],
    ['an unknown target connection id', (b) => ({ ...b, targetConnectionIds: [UNKNOWN_ID] }), 1439, 404],
    [
      'a flow spec that does not fit the source (HTTP API spec, Customer.io source)',
      (b) => ({ ...b, flowSpec: spec(FLOW_SPECS.httpApiWithTransformations) }),
      1100,
      400,
    ],
    [
      'a flow spec that does not fit the source (GenericStreamingAEP, HTTP API source)',
      (b) => ({ ...b, sourceConnectionIds: [ids.httpSource] }),
      1100,
      400,
    ],
    ['a target connection used as a source', (b) => ({ ...b, sourceConnectionIds: [ids.target] }), 1439, 404],
    [
      'a mapping id that does not exist',
      (b) => ({ ...b, transformations: mapping('ffffffffffffffffffffffffffffffff', 0) }),
      1419,
      400,
    ],
    [
      'a mapping version that does not exist',
      (b) => ({ ...b, transformations: mapping(ids.mappingSet, 7) }),
      1412,
      400,
    ],
    [
      'a mapping version that is not a number',
      (b) => ({ ...b, transformations: mapping(ids.mappingSet, 'latest') }),
      1412,
      400,
    ],
    [
      'a mapping whose output schema is not the target dataset’s',
      (b) => ({ ...b, transformations: mapping(ids.otherMappingSet, 0) }),
      1425,
      400,
    ],
    ['no flowSpec', ({ flowSpec: _f, ...b }) => b, 1100, 400],
    ['a flowSpec without id', (b) => ({ ...b, flowSpec: { version: '1.0' } }), 1100, 400],
    ['sourceConnectionIds not an array', (b) => ({ ...b, sourceConnectionIds: ids.source }), 1100, 400],
    ['a transformation without params', (b) => ({ ...b, transformations: [{ name: 'Mapping' }] }), 1100, 400],
  ])('%s is FLOW-%i', async (_case, change, code, status) => {
    const before = (await api.get(`${FLOW_SERVICE}/flows?count=true`).expect(200)).body as { count: number };
    expectFlowError(await api.post(`${FLOW_SERVICE}/flows`, change(valid())), code, status);
    expect((await api.get(`${FLOW_SERVICE}/flows?count=true`).expect(200)).body).toEqual(before);
  });

  it('the mapping-version string of the flow spec ("0") is accepted like the number', async () => {
    await createEntity(api, 'flows', { ...valid(), transformations: mapping(ids.mappingSet, '0') });
  });

  it.each([
    ['connections', { name: 'x', connectionSpec: spec(UNKNOWN_ID) }],
    ['sourceConnections', { name: 'x', connectionSpec: spec(UNKNOWN_ID), data: { format: 'json' } }],
    ['targetConnections', { name: 'x', connectionSpec: spec(UNKNOWN_ID), data: { format: 'json' } }],
  ])('an unknown connection spec id on %s is FLOW-1413', async (resource, body) => {
    expectFlowError(await api.post(`${FLOW_SERVICE}/${resource}`, body), 1413, 400);
  });

  it.each([
    ['connections', { name: 'no spec' }],
    ['sourceConnections', { connectionSpec: spec(CONNECTION_SPECS.customerIo), data: { format: 'json' } }],
    ['sourceConnections', { name: 'no data', connectionSpec: spec(CONNECTION_SPECS.customerIo) }],
    ['targetConnections', { name: 'no data', connectionSpec: spec(CONNECTION_SPECS.dataLake) }],
    ['runs', { flowId: 42 }],
  ])('%s without a required field (%j) is FLOW-1100', async (resource, body) => {
    const res = await api.post(`${FLOW_SERVICE}/${resource}`, body);
    expectFlowError(res, 1100, 400);
    expect((res.body as { errorMessage: string }).errorMessage).toMatch(/Error from flow provider: .+/);
  });

  it.each(['connections', 'sourceConnections', 'targetConnections', 'flows'])(
    'POST /%s with a body that is not JSON is a FLOW problem body',
    async (resource) => {
      const res = await api.post(`${FLOW_SERVICE}/${resource}`).send('{"name":');
      expectFlowError(res, 1100, 400);
    },
  );
});

describe('flow actions', () => {
  it('DISABLE then ENABLE change state and etag each time', async () => {
    const { id, etag } = await createEntity(api, 'flows', valid());
    const disabled = await api.post(`${FLOW_SERVICE}/flows/${id}/action?op=DISABLE`).expect(200);
    const disabledEtag = (disabled.body as { etag: string }).etag;
    expect(disabled.body).toEqual({ id, etag: disabledEtag });
    expect(disabledEtag).toMatch(ETAG);
    expect(disabledEtag).not.toBe(etag);
    expect(await getEntity(api, 'flows', id)).toMatchObject({ state: 'disabled', etag: disabledEtag });

    const enabled = await api
      .post(`${FLOW_SERVICE}/flows/${id}/action?op=ENABLE`)
      .set('if-match', disabledEtag)
      .expect(200);
    const enabledEtag = (enabled.body as { etag: string }).etag;
    expect(enabledEtag).not.toBe(disabledEtag);
    expect(await getEntity(api, 'flows', id)).toMatchObject({
      state: 'enabled',
      etag: enabledEtag,
      version: enabledEtag,
    });
  });

  it('a stale If-Match on an action is FLOW-1404-412 and the state stays', async () => {
    const { id, etag } = await createEntity(api, 'flows', valid());
    await api
      .patch(`${FLOW_SERVICE}/flows/${id}`, [{ op: 'replace', path: '/name', value: 'moved on' }], etag)
      .expect(200);
    expectFlowError(await api.post(`${FLOW_SERVICE}/flows/${id}/action?op=DISABLE`).set('if-match', etag), 1404, 412);
    expect((await getEntity(api, 'flows', id)).state).toBe('enabled');
  });

  it.each([['op=EXPLODE'], ['']])('an unknown op (%s) is FLOW-1453', async (query) => {
    const { id } = await createEntity(api, 'flows', valid());
    expectFlowError(await api.post(`${FLOW_SERVICE}/flows/${id}/action?${query}`), 1453, 400);
  });

  it('an action on an unknown flow is FLOW-1439-404', async () => {
    expectFlowError(await api.post(`${FLOW_SERVICE}/flows/${UNKNOWN_ID}/action?op=ENABLE`), 1439, 404);
  });

  it('PATCH cannot change state: that is what actions are for', async () => {
    const { id, etag } = await createEntity(api, 'flows', valid());
    expectFlowError(
      await api.patch(`${FLOW_SERVICE}/flows/${id}`, [{ op: 'replace', path: '/state', value: 'disabled' }], etag),
      1455,
      400,
    );
    expect((await getEntity(api, 'flows', id)).state).toBe('enabled');
  });
});

describe('PATCH /flows/{id} keeps the flow valid', () => {
  const patchMapping = (mappingId: string, mappingVersion: unknown) => [
    { op: 'replace', path: '/transformations/0', value: { name: 'Mapping', params: { mappingId, mappingVersion } } },
  ];

  it('moving to the next version of its mapping set works, as in update-dataflows.md', async () => {
    const flow = await createStreamingFlow(api);
    const mappingSet = `${CONVERSION}/mappingSets/${flow.mappingSetId}`;
    const next = await api.put(mappingSet, {
      outputSchema: { schemaRef: { id: flow.schemaId, contentType: XED_FULL } },
      mappings: [{ sourceAttribute: 'email', destinationXdmPath: 'person.email', identity: false, version: 0 }],
    });
    expectStatus(next, 200);
    expect(next.body).toMatchObject({ version: 1 });
    await api.patch(`${FLOW_SERVICE}/flows/${flow.flowId}`, patchMapping(flow.mappingSetId, 1), flow.etag).expect(200);
    expect((await getEntity(api, 'flows', flow.flowId)).transformations).toEqual(mapping(flow.mappingSetId, 1));
  });

  it.each<[string, (flow: { mappingSetId: string }) => unknown[], number]>([
    ['a mapping version that does not exist', (f) => patchMapping(f.mappingSetId, 9), 1412],
    ['a mapping id that does not exist', () => patchMapping('ffffffffffffffffffffffffffffffff', 0), 1419],
    ['a mapping of another schema', () => patchMapping(ids.otherMappingSet, 0), 1425],
    ['a name that is not a string', () => [{ op: 'replace', path: '/name', value: 42 }], 1100],
    [
      'source connection ids that are not an array',
      () => [{ op: 'replace', path: '/sourceConnectionIds', value: 'x' }],
      1100,
    ],
  ])('%s is FLOW-%i and the flow is unchanged', async (_case, patch, code) => {
    const flow = await createStreamingFlow(api);
    expectFlowError(await api.patch(`${FLOW_SERVICE}/flows/${flow.flowId}`, patch(flow), flow.etag), code, 400);
    expect(await getEntity(api, 'flows', flow.flowId)).toMatchObject({
      etag: flow.etag,
      name: 'Streaming flow',
      transformations: mapping(flow.mappingSetId, 0),
    });
  });
});

describe('what a flow shows', () => {
  it('a streaming webhook flow has its own inlet under the emulator URL, a runs link and inheritedAttributes', async () => {
    const created = await createStreamingFlow(api);
    const flow = await getEntity(api, 'flows', created.flowId);
    expect(flow.options).toEqual({ inletUrl: `${emu.url}/collection/${created.inletId}` });
    expect(created.inletId).toMatch(INLET_ID);
    expect(flow.runs).toBe(`/runs?property=flowId==${created.flowId}`);
    expect(flow.inheritedAttributes).toEqual({
      properties: { isSourceFlow: true },
      sourceConnections: [{ id: created.sourceConnectionId, connectionSpec: spec(CONNECTION_SPECS.customerIo) }],
      targetConnections: [{ id: created.targetConnectionId, connectionSpec: spec(CONNECTION_SPECS.dataLake) }],
    });
    expect(flow.transformations).toEqual(mapping(created.mappingSetId, 0));
    expect(typeof flow.providerRefId).toBe('string');
    const runs = await api.get(`${FLOW_SERVICE}${String(flow.runs)}`).expect(200);
    expect(runs.body).toEqual({ items: [] });
  });

  it('two streaming flows have different inlets', async () => {
    const [a, b] = [await createStreamingFlow(api), await createStreamingFlow(api)];
    expect(a.inletId).not.toBe(b.inletId);
  });

  it('an HTTP API flow inherits its base connection and has no inlet of its own', async () => {
    const { id } = await createEntity(api, 'flows', {
      ...valid(),
      sourceConnectionIds: [ids.httpSource],
      flowSpec: spec(FLOW_SPECS.httpApiWithTransformations),
    });
    const flow = await getEntity(api, 'flows', id);
    const source = await getEntity(api, 'sourceConnections', ids.httpSource);
    expect(flow).not.toHaveProperty('options');
    expect((flow.inheritedAttributes as { sourceConnections: unknown[] }).sourceConnections).toEqual([
      {
        id: ids.httpSource,
        connectionSpec: spec(CONNECTION_SPECS.httpApi),
        baseConnection: { id: source.baseConnectionId, connectionSpec: spec(CONNECTION_SPECS.httpApi) },
      },
    ]);
  });
});
