import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/index.js';
import { DETERMINISTIC_EPOCH, deterministicSources } from '../../src/sources.js';
import { basic, startTestEmulator } from '../helpers/emulator.js';

const PLATFORM = {
  Authorization: 'Bearer token',
  'x-api-key': 'key',
  'x-gw-ims-org-id': 'DET@AdobeOrg',
  'x-sandbox-name': 'prod',
};

/** The same session every time: Data Pipelines (with generated messageIds), Track API, an AEP flow and its inlet. */
async function session(emu: Emulator): Promise<string> {
  const pipe = (path: string, body: object) =>
    request(emu.url).post(path).set('Authorization', basic('det-key')).send(body).expect(200);
  await pipe('/v1/identify', { userId: 'u1', traits: { email: 'ada@example.com', plan: 'pro' } });
  await pipe('/v1/batch', {
    batch: [
      { type: 'track', userId: 'u1', event: 'Order Completed' },
      { type: 'page', anonymousId: 'a1', properties: { url: 'https://example.com/' } },
    ],
  });
  await request(emu.url)
    .put('/api/v1/customers/u2')
    .set('Authorization', `Basic ${Buffer.from('det-key:track-api-key').toString('base64')}`)
    .send({ email: 'bob@example.com' })
    .expect(200);
  const platform = (path: string, body: object) =>
    request(emu.url).post(`/data/foundation${path}`).set(PLATFORM).send(body);
  const schema = (
    await platform('/schemaregistry/tenant/schemas', {
      title: 'S',
      type: 'object',
      properties: { _det: { type: 'object' } },
    })
  ).body as { $id: string };
  const ref = { id: schema.$id, contentType: 'application/vnd.adobe.xed-full+json;version=1' };
  const dataSet = String(((await platform('/catalog/dataSets', { name: 'D', schemaRef: ref })).body as string[])[0])
    .split('/')
    .pop()!;
  const source = (
    await platform('/flowservice/sourceConnections', {
      name: 's',
      connectionSpec: { id: '96479064-7b8a-4d69-b9ed-21c5683837ea', version: '1.0' },
      data: { format: 'json' },
    })
  ).body as { id: string };
  const target = (
    await platform('/flowservice/targetConnections', {
      name: 't',
      connectionSpec: { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' },
      data: { format: 'json', schema: { id: ref.id } },
      params: { dataSetId: dataSet },
    })
  ).body as { id: string };
  const mapping = (
    await platform('/conversion/mappingSets', {
      outputSchema: { schemaRef: ref },
      mappings: [
        { sourceAttribute: 'metric', destinationXdmPath: '_det.metric', identity: false, version: 0 },
        { sourceType: 'EXPRESSION', source: 'uuid()', destination: '_det.id' },
      ],
    })
  ).body as { id: string };
  const flow = (
    await platform('/flowservice/flows', {
      name: 'f',
      flowSpec: { id: 'e77fde5a-22a8-11ed-861d-0242ac120002', version: '1.0' },
      sourceConnectionIds: [source.id],
      targetConnectionIds: [target.id],
      transformations: [{ name: 'Mapping', params: { mappingId: mapping.id, mappingVersion: 0 } }],
    })
  ).body as { id: string };
  const inlet = (
    (await request(emu.url).get(`/data/foundation/flowservice/flows/${flow.id}`).set(PLATFORM)).body as {
      items: [{ options: { inletUrl: string } }];
    }
  ).items[0].options.inletUrl;
  await request(new URL(inlet).origin).post(new URL(inlet).pathname).send({ metric: 'opened' }).expect(200);
  return (await request(emu.url).get('/_emulator/state').expect(200)).text;
}

describe('--deterministic', () => {
  const running: Emulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((e) => e.close()));
  });
  const start = async (options: Parameters<typeof startTestEmulator>[0]) => {
    const emu = await startTestEmulator(options);
    running.push(emu);
    return emu;
  };

  it('the same session into two fresh emulators gives byte-identical state exports', async () => {
    const [a, b] = await Promise.all([start({ deterministic: true }), start({ deterministic: true })]);
    const [first, second] = [await session(a), await session(b)];
    expect(first).toBe(second);
    const state = JSON.parse(first) as { events: { receivedAt: string; valid: boolean }[] };
    expect(state.events.length).toBeGreaterThan(5);
    expect(state.events.filter((e) => !e.valid)).toEqual([]);
    expect(Date.parse(state.events[0]!.receivedAt)).toBeGreaterThanOrEqual(DETERMINISTIC_EPOCH);
  });

  it('without it, generated ids and times differ; another seed gives other ids', async () => {
    const [a, b] = await Promise.all([start({}), start({})]);
    expect(await session(a)).not.toBe(await session(b));
    const [c, d] = await Promise.all([
      start({ deterministic: true, randomSeed: 1 }),
      start({ deterministic: true, randomSeed: 2 }),
    ]);
    expect(await session(c)).not.toBe(await session(d));
  });
});

describe('deterministicSources', () => {
  it('is a pure function of the seed: uuid v4 shaped ids, hex of any length, a clock one ms per reading', () => {
    const [x, y] = [deterministicSources(7), deterministicSources(7)];
    const take = (s: ReturnType<typeof deterministicSources>) => [
      s.uuid(),
      s.aepIds.hex(24),
      s.aepIds.hex(64),
      s.clock().toISOString(),
      s.aepIds.now(),
    ];
    const first = take(x);
    expect(first).toEqual(take(y));
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first[1]).toMatch(/^[0-9a-f]{24}$/);
    expect(first[2]).toMatch(/^[0-9a-f]{64}$/);
    expect(first[3]).toBe(new Date(DETERMINISTIC_EPOCH).toISOString());
    expect(first[4]).toBe(DETERMINISTIC_EPOCH + 1);
  });
});
