// Flow Service list calls through HTTP: property filters, orderby, limit and continuation
// tokens, count, and their errors (reference/adobe-aep.md §3.2, §9); specs and runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import {
  aepApi,
  CONNECTION_SPECS,
  createEntity,
  createStreamingFlow,
  expectFlowError,
  expectStatus,
  FLOW_SERVICE,
  FLOW_SPECS,
  getEntity,
  newTenant,
  type AepApi,
  type StreamingFlow,
} from '../../helpers/aep.js';
import { startTestEmulator } from '../../helpers/emulator.js';

type Flow = { id: string; name: string; state: string; createdAt: number };

const NAMES = ['charlie', 'alpha', 'echo', 'bravo', 'delta'];

let emu: Emulator;
let api: AepApi;
const flows: Record<string, StreamingFlow> = {};
let all: Flow[] = [];

beforeAll(async () => {
  emu = await startTestEmulator();
  api = aepApi(emu.url, newTenant());
  for (const name of NAMES) flows[name] = await createStreamingFlow(api, { name });
  await api.post(`${FLOW_SERVICE}/flows/${flows.bravo!.flowId}/action?op=DISABLE`).expect(200);
  all = (await list('/flows')).items as Flow[];
});
afterAll(() => emu.close());

async function list(
  pathAndQuery: string,
): Promise<{ items?: Flow[]; count?: number; _links?: { next: { href: string } } }> {
  const res = await api.get(`${FLOW_SERVICE}${pathAndQuery}`);
  expectStatus(res, 200);
  return res.body as { items?: Flow[] };
}

const names = async (pathAndQuery: string): Promise<string[]> =>
  ((await list(pathAndQuery)).items ?? []).map((f) => f.name);
const q = encodeURIComponent;

describe('property filters', () => {
  it('the unfiltered list has every flow, in creation order', () => {
    expect(all.map((f) => f.name)).toEqual(NAMES);
  });

  it.each<[string, () => string, string[]]>([
    ['== on name', () => 'name==echo', ['echo']],
    ['== ignores case', () => 'name==ECHO', ['echo']],
    ['a comma list means any of', () => 'name==alpha,delta,nobody', ['alpha', 'delta']],
    ['== on id', () => `id==${flows.charlie!.flowId}`, ['charlie']],
    ['[] on an array of ids', () => `sourceConnectionIds[]==${flows.delta!.sourceConnectionId}`, ['delta']],
    [
      '[] with any of two ids',
      () => `targetConnectionIds[]==${flows.alpha!.targetConnectionId},${flows.echo!.targetConnectionId}`,
      ['alpha', 'echo'],
    ],
    ['a nested path', () => 'inheritedAttributes.properties.isSourceFlow==true', NAMES],
    ['a nested path that matches nothing', () => 'inheritedAttributes.properties.isSourceFlow==false', []],
    [
      '[] inside a nested path',
      () => `inheritedAttributes.sourceConnections[].id==${flows.bravo!.sourceConnectionId}`,
      ['bravo'],
    ],
    ['[] then a key', () => `transformations[].params.mappingId==${flows.echo!.mappingSetId}`, ['echo']],
    ['state after DISABLE', () => 'state==disabled', ['bravo']],
    ['a path the flows lack', () => 'nothing.here==x', []],
    ['> 0 on createdAt', () => 'createdAt>0', NAMES],
    ['< 0 on createdAt', () => 'createdAt<0', []],
  ])('%s', async (_case, filter, expected) => {
    expect(await names(`/flows?property=${q(filter())}`)).toEqual(expected);
  });

  it('several property parameters are ANDed', async () => {
    const isSource = `property=${q('inheritedAttributes.properties.isSourceFlow==true')}`;
    expect(await names(`/flows?${isSource}&property=${q('state==enabled')}`)).toEqual([
      'charlie',
      'alpha',
      'echo',
      'delta',
    ]);
    expect(
      await names(`/flows?${isSource}&property=${q('state==disabled')}&property=${q('name==bravo,echo')}`),
    ).toEqual(['bravo']);
    expect(await names(`/flows?property=${q('name==alpha')}&property=${q('name==echo')}`)).toEqual([]);
  });

  it.each(['>', '>=', '<', '<='] as const)(
    '%s on createdAt keeps the flows on that side of a flow’s creation time',
    async (op) => {
      const pivot = all[2]!.createdAt;
      const keep = {
        '>': (t: number) => t > pivot,
        '>=': (t: number) => t >= pivot,
        '<': (t: number) => t < pivot,
        '<=': (t: number) => t <= pivot,
      }[op];
      const got = await names(`/flows?property=${q(`createdAt${op}${pivot}`)}`);
      expect(got).toEqual(all.filter((f) => keep(f.createdAt)).map((f) => f.name));
      expect(got.includes('echo')).toBe(op === '>=' || op === '<=');
    },
  );

  it('filters work on connections and source connections too', async () => {
    const sources = (
      await list(`/sourceConnections?property=${q(`connectionSpec.id==${CONNECTION_SPECS.customerIo}`)}`)
    ).items!;
    expect(sources.map((s) => s.id).sort()).toEqual(NAMES.map((n) => flows[n]!.sourceConnectionId).sort());
    expect(
      (await list(`/targetConnections?property=${q(`params.dataSetId==${flows.alpha!.dataSetId}`)}`)).items,
    ).toHaveLength(1);
  });

  it.each<[string, string, number]>([
    ['a malformed field', 'a..b==x', 1449],
    ['a field with [] in the wrong place', '[]name==x', 1449],
    ['an unknown operator', 'name!=x', 1450],
    ['another unknown operator', 'name=>x', 1450],
    ['~, which Adobe has not implemented', 'name~x', 1440],
    ['a range on id', 'id>5', 1448],
    ['a range with a non-number', 'createdAt>yesterday', 1452],
    ['a range with several values', 'createdAt>1,2', 1443],
    ['an empty value', 'name==', 1453],
    ['an object value', 'name=={"a":1}', 1454],
  ])('%s is FLOW-%i', async (_case, filter, code) => {
    expectFlowError(await api.get(`${FLOW_SERVICE}/flows?property=${q(filter)}`), code, 400);
  });
});

describe('orderby', () => {
  const sorted = [...NAMES].sort();
  it.each([
    ['name', sorted],
    ['+name', sorted],
    ['-name', [...sorted].reverse()],
  ])('orderby=%s', async (orderby, expected) => {
    expect(await names(`/flows?orderby=${q(orderby)}`)).toEqual(expected);
  });

  it('orderby=-createdAt sorts by creation time, newest first', async () => {
    const got = (await list('/flows?orderby=-createdAt')).items!.map((f) => f.createdAt);
    expect(got).toEqual([...got].sort((a, b) => b - a));
    expect(got).toHaveLength(NAMES.length);
  });

  it.each<[string, number]>([
    ['--name', 1432],
    ['name-', 1432],
    ['name desc', 1432],
    ['name:asc', 1432],
    ['na..me', 1433],
    ['name,id', 1433],
  ])('orderby=%s is FLOW-%i', async (orderby, code) => {
    expectFlowError(await api.get(`${FLOW_SERVICE}/flows?orderby=${q(orderby)}`), code, 400);
  });
});

describe('limit, continuationToken and count', () => {
  async function walk(first: string): Promise<{ pages: string[][]; hrefs: string[] }> {
    const pages: string[][] = [];
    const hrefs: string[] = [];
    let next: string | undefined = first;
    while (next !== undefined && pages.length < 10) {
      const body = await list(next);
      pages.push(body.items!.map((f) => f.name));
      next = body._links?.next.href;
      if (next !== undefined) hrefs.push(next);
    }
    return { pages, hrefs };
  }

  it('limit=2 walks all pages through _links.next.href, relative to the Flow Service base', async () => {
    const { pages, hrefs } = await walk('/flows?limit=2');
    expect(pages).toEqual([NAMES.slice(0, 2), NAMES.slice(2, 4), NAMES.slice(4)]);
    for (const href of hrefs) expect(href).toMatch(/^\/flows\?continuationToken=[A-Za-z0-9_-]+&limit=2$/);
  });

  it('the pages keep the filter and the order', async () => {
    const filter = `property=${q('state==enabled')}`;
    const { pages } = await walk(`/flows?${filter}&orderby=-name&limit=3`);
    expect(pages).toEqual([['echo', 'delta', 'charlie'], ['alpha']]);
  });

  it('aepp’s way works: count=False with limit, and the token read as href.split("=")[1]', async () => {
    const first = await list('/flows?limit=2&count=False');
    expect(first.items!.map((f) => f.name)).toEqual(NAMES.slice(0, 2));
    const token = first._links!.next.href.split('=')[1]!;
    const second = await list(`/flows?continuationToken=${q(token)}&limit=2&count=False`);
    expect(second.items!.map((f) => f.name)).toEqual(NAMES.slice(2, 4));
  });

  it('count=true answers {count} only, filtered', async () => {
    const res = await api.get(`${FLOW_SERVICE}/flows?count=true`).expect(200);
    expect(res.body).toEqual({ count: NAMES.length });
    expect(await list(`/flows?count=TRUE&property=${q('state==disabled')}`)).toEqual({ count: 1 });
  });

  it.each<[string, number]>([
    ['count=true&limit=2', 1401],
    ['limit=2&count=true', 1401],
    ['limit=0', 1453],
    ['limit=abc', 1453],
    ['count=maybe', 1453],
    ['continuationToken=not-a-token', 1451],
  ])('%s is FLOW-%i', async (query, code) => {
    expectFlowError(await api.get(`${FLOW_SERVICE}/flows?${query}`), code, 400);
  });

  it('a token from one list is refused by another', async () => {
    const href = (await list('/flows?limit=2'))._links!.next.href;
    const token = /continuationToken=([^&]+)/.exec(href)![1]!;
    expectFlowError(await api.get(`${FLOW_SERVICE}/sourceConnections?continuationToken=${token}&limit=2`), 1451, 400);
    expectFlowError(await api.get(`${FLOW_SERVICE}/flows?continuationToken=${token}&orderby=name`), 1451, 400);
  });
});

const CONNECTION_SPEC_IDS = Object.entries(CONNECTION_SPECS);
const FLOW_SPEC_IDS = Object.entries(FLOW_SPECS);

describe('connection and flow specs', () => {
  it('GET /connectionSpecs lists every shipped spec', async () => {
    const res = await api.get(`${FLOW_SERVICE}/connectionSpecs`).expect(200);
    const ids = (res.body as { items: { id: string }[] }).items.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(CONNECTION_SPECS)));
  });

  it.each(CONNECTION_SPEC_IDS)('GET /connectionSpecs/{id} for %s', async (key, id) => {
    const res = await api.get(`${FLOW_SERVICE}/connectionSpecs/${id}`).expect(200);
    const items = (res.body as { items: Record<string, unknown>[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id, version: '1.0', name: expect.any(String) });
    expect(items[0]).toHaveProperty(key === 'dataLake' ? 'targetSpec' : 'sourceSpec');
  });

  it('GET /flowSpecs lists every shipped spec, filterable by name', async () => {
    const res = await api.get(`${FLOW_SERVICE}/flowSpecs`).expect(200);
    expect((res.body as { items: { id: string }[] }).items.map((s) => s.id)).toEqual(
      expect.arrayContaining(Object.values(FLOW_SPECS)),
    );
    const named = await api.get(`${FLOW_SERVICE}/flowSpecs?property=${q('name==GenericStreamingAEP')}`).expect(200);
    expect((named.body as { items: { id: string }[] }).items.map((s) => s.id)).toEqual([FLOW_SPECS.genericStreaming]);
  });

  it.each(FLOW_SPEC_IDS)('GET /flowSpecs/{id} for %s names the specs it connects', async (key, id) => {
    const res = await api.get(`${FLOW_SERVICE}/flowSpecs/${id}`).expect(200);
    const [spec] = (
      res.body as { items: { id: string; sourceConnectionSpecIds: string[]; targetConnectionSpecIds: string[] }[] }
    ).items;
    expect(spec!.id).toBe(id);
    expect(spec!.targetConnectionSpecIds).toEqual([CONNECTION_SPECS.dataLake]);
    const sources =
      key === 'genericStreaming'
        ? [CONNECTION_SPECS.customerIo, CONNECTION_SPECS.chatlio, CONNECTION_SPECS.pendo]
        : [CONNECTION_SPECS.httpApi];
    expect(spec!.sourceConnectionSpecIds).toEqual(expect.arrayContaining(sources));
  });

  it.each(['connectionSpecs', 'flowSpecs'])('an unknown id under /%s is FLOW-1439-404', async (path) => {
    expectFlowError(await api.get(`${FLOW_SERVICE}/${path}/00000000-0000-0000-0000-000000000000`), 1439, 404);
  });
});

describe('runs', () => {
  it('POST /runs {flowId} answers 201 and the run names its flow', async () => {
    const { id } = await createEntity(api, 'runs', { flowId: flows.alpha!.flowId });
    const run = await getEntity(api, 'runs', id);
    const flow = await getEntity(api, 'flows', flows.alpha!.flowId);
    expect(run).toMatchObject({ id, flowId: flow.id, flowSpec: flow.flowSpec, providerRefId: flow.providerRefId });
    expect(run).toHaveProperty('metrics.recordSummary.inputRecordCount', 0);
  });

  it.each<[string, object, number]>([
    ['without flowId', {}, 1446],
    ['with an empty flowId', { flowId: '' }, 1446],
    ['for an unknown flow', { flowId: '00000000-0000-0000-0000-000000000000' }, 1430],
  ])('POST /runs %s is FLOW-%i', async (_case, body, code) => {
    expectFlowError(await api.post(`${FLOW_SERVICE}/runs`, body), code, 400);
  });

  it('GET /runs?property=flowId=={id} lists only that flow’s runs', async () => {
    const ofDelta = [
      (await createEntity(api, 'runs', { flowId: flows.delta!.flowId })).id,
      (await createEntity(api, 'runs', { flowId: flows.delta!.flowId })).id,
    ];
    const ofEcho = (await createEntity(api, 'runs', { flowId: flows.echo!.flowId })).id;
    const runsOf = async (flowId: string) =>
      (await list(`/runs?property=${q(`flowId==${flowId}`)}`)).items!.map((r) => r.id);
    expect(await runsOf(flows.delta!.flowId)).toEqual(ofDelta);
    expect(await runsOf(flows.echo!.flowId)).toEqual([ofEcho]);
    const link = String((await getEntity(api, 'flows', flows.delta!.flowId)).runs);
    expect((await list(link)).items!.map((r) => r.id)).toEqual(ofDelta);
  });
});
