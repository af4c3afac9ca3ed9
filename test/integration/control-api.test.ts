import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION, type Emulator, type EmulatorState, type EventRecord } from '../../src/index.js';
import { createSchemaRegistry, defaultSchemaDir } from '../../src/schema/registry.js';
import { basic, expectProblem, startTestEmulator } from '../helpers/emulator.js';

const schemas = createSchemaRegistry(defaultSchemaDir());

/** [write key, path, body]; each body's messageId names it in the assertions. */
const TRAFFIC: [string, string, Record<string, unknown>][] = [
  ['key-a', '/v1/identify', { messageId: 'm1', userId: 'u-1', traits: { plan: 'pro' } }],
  ['key-a', '/v1/track', { messageId: 'm2', userId: 'u-1', event: 'Order Completed' }],
  ['key-b', '/v1/track', { messageId: 'm3', anonymousId: 'a-1', event: 'Product Viewed' }],
  ['key-b', '/v1/page', { messageId: 'm4', anonymousId: 'a-1', name: 'Home' }],
  ['key-a', '/v1/track', { messageId: 'm5', userId: 'u-2' }],
];

async function send(emu: Emulator, traffic = TRAFFIC): Promise<void> {
  for (const [key, path, body] of traffic)
    await request(emu.url).post(path).set('Authorization', basic(key)).send(body).expect(200);
}

function ids(items: unknown): unknown[] {
  return (items as EventRecord[]).map((r) => (r.payload as { messageId?: unknown }).messageId);
}

describe('health, reset and unknown routes', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.close());

  it('GET /health answers status, version and uptime', async () => {
    const res = await request(emu.url).get('/_emulator/health').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(schemas.validate('control/health', res.body)).toEqual([]);
    expect(res.body).toMatchObject({ status: 'ok', version: VERSION });
  });

  it('POST /reset answers 204 and the events are gone, while seq keeps counting', async () => {
    await send(emu);
    const lastSeq = emu.events().at(-1)!.seq;
    const res = await request(emu.url).post('/_emulator/reset');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await request(emu.url).get('/_emulator/events').expect(200)).body).toEqual({ items: [] });
    await send(emu, TRAFFIC.slice(0, 1));
    expect(emu.events()[0]!.seq).toBeGreaterThan(lastSeq);
  });

  it.each([
    ['GET', '/_emulator/nope'],
    ['POST', '/_emulator/health'],
    ['DELETE', '/_emulator/events'],
    ['GET', '/nothing/here'],
  ])('%s %s answers 404 problem+json', async (method, path) => {
    const res = await request(emu.url)[method.toLowerCase() as 'get' | 'post' | 'delete'](path);
    expectProblem(res, 404);
    expect(res.body.detail).toContain(path);
  });
});

describe('GET /events', () => {
  let emu: Emulator;
  let secondSeq: number;
  beforeAll(async () => {
    emu = await startTestEmulator();
    await send(emu);
    secondSeq = emu.events()[1]!.seq;
  });
  afterAll(() => emu.close());

  const rows: [string, () => Record<string, string | number | boolean>, string[]][] = [
    ['no filter', () => ({}), ['m1', 'm2', 'm3', 'm4', 'm5']],
    ['api=pipelines', () => ({ api: 'pipelines' }), ['m1', 'm2', 'm3', 'm4', 'm5']],
    ['api=aep', () => ({ api: 'aep' }), []],
    ['type', () => ({ type: 'track' }), ['m2', 'm3', 'm5']],
    ['event', () => ({ event: 'Order Completed' }), ['m2']],
    ['userId', () => ({ userId: 'u-1' }), ['m1', 'm2']],
    ['anonymousId', () => ({ anonymousId: 'a-1' }), ['m3', 'm4']],
    ['messageId', () => ({ messageId: 'm4' }), ['m4']],
    ['writeKey', () => ({ writeKey: 'key-b' }), ['m3', 'm4']],
    ['valid=true', () => ({ valid: true }), ['m1', 'm2', 'm3', 'm4']],
    ['valid=false', () => ({ valid: false }), ['m5']],
    ['since', () => ({ since: secondSeq }), ['m3', 'm4', 'm5']],
    ['several filters at once', () => ({ type: 'track', writeKey: 'key-a' }), ['m2', 'm5']],
    ['limit, oldest first', () => ({ limit: 2 }), ['m1', 'm2']],
    ['limit with a filter', () => ({ type: 'track', limit: 1 }), ['m2']],
    ['limit above the count', () => ({ userId: 'u-1', limit: 50 }), ['m1', 'm2']],
  ];

  it.each(rows)('%s', async (_name, query, expected) => {
    const res = await request(emu.url).get('/_emulator/events').query(query()).expect(200);
    expect(schemas.validate('control/events-response', res.body)).toEqual([]);
    expect(ids(res.body.items)).toEqual(expected);
  });

  it('returns the journaled records exactly', async () => {
    const res = await request(emu.url).get('/_emulator/events').query({ messageId: 'm5' }).expect(200);
    expect(res.body.items).toEqual(emu.events({ messageId: 'm5' }));
    expect(res.body.items[0]).toMatchObject({ api: 'pipelines', type: 'track', valid: false, writeKey: 'key-a' });
  });

  it.each([
    ['api=foo'],
    ['valid=yes'],
    ['since=-1'],
    ['since=abc'],
    ['userId=a&userId=b'],
    ['limit=0'],
    ['limit=abc'],
    ['limit=-3'],
    ['limit=1.5'],
    ['userid=u'],
    ['count=2'],
  ])('?%s answers 400 problem+json', async (query) => {
    const res = await request(emu.url).get(`/_emulator/events?${query}`);
    expectProblem(res, 400);
    expect(res.body.detail).toMatch(new RegExp(query.split('=')[0]!));
  });
});

describe('GET and PUT /state', () => {
  let source: Emulator;
  let target: Emulator;
  beforeAll(async () => {
    [source, target] = await Promise.all([startTestEmulator(), startTestEmulator()]);
    await send(source);
  });
  afterAll(() => Promise.all([source.close(), target.close()]));

  it('exports the whole state as JSON and imports it into a fresh emulator', async () => {
    const exported = await request(source.url).get('/_emulator/state').expect(200);
    expect(exported.headers['content-type']).toMatch(/^application\/json/);
    const state = exported.body as EmulatorState;
    expect(schemas.validate('control/state', state)).toEqual([]);
    expect(state).toMatchObject({ format: 'cdp-emulator/state@1', seq: state.events.at(-1)!.seq });
    // The state also holds the workspace changes the valid events made (api "workspace").
    const received = state.events.filter((r) => r.api !== 'workspace');
    expect(ids(received)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(received.at(-1)!.seq).toBe(source.events().at(-1)!.seq);

    const put = await request(target.url)
      .put('/_emulator/state')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(state));
    expect(put.status).toBe(204);
    expect((await request(target.url).get('/_emulator/events').expect(200)).body.items).toEqual(received);
    const changes = state.events.filter((r) => r.api === 'workspace');
    expect((await request(target.url).get('/_emulator/events?api=workspace').expect(200)).body.items).toEqual(changes);
    expect((await request(target.url).get('/_emulator/state').expect(200)).body).toEqual(state);
  });

  it('imports the duplicate index and the seq counter too', async () => {
    const state = source.state();
    await request(target.url).put('/_emulator/state').send(state).expect(204);
    await send(target, [['key-a', '/v1/track', { messageId: 'm2', userId: 'u-1', event: 'Order Completed' }]]);
    const [record] = target.events({ since: state.seq });
    expect(record).toMatchObject({ seq: state.seq + 1, duplicate: true });
  });

  it.each([
    ['not JSON', 'application/json', '{"format":'],
    ['an empty body', 'application/json', ''],
    ['another format', 'application/json', JSON.stringify({ format: 'other@1', seq: 0, events: [] })],
    [
      'a record missing fields',
      'application/json',
      JSON.stringify({ format: 'cdp-emulator/state@1', seq: 1, events: [{ seq: 1 }] }),
    ],
    ['a negative seq', 'text/plain', JSON.stringify({ format: 'cdp-emulator/state@1', seq: -1, events: [] })],
  ])('PUT with %s answers 400 problem+json and changes nothing', async (_name, type, body) => {
    const before = target.state();
    expectProblem(await request(target.url).put('/_emulator/state').set('Content-Type', type).send(body), 400);
    expect(target.state()).toEqual(before);
  });
});
