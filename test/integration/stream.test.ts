import request from 'supertest';
import { WebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator, EventRecord } from '../../src/index.js';
import { createSchemaRegistry, defaultSchemaDir } from '../../src/schema/registry.js';
import { basic, startTestEmulator } from '../helpers/emulator.js';

const KEY = 'stream-key';
const SENTINEL = 'Stream Sentinel';
const schemas = createSchemaRegistry(defaultSchemaDir());

type Subscriber = { ws: WebSocket; messages: { text: string; isBinary: boolean }[]; records(): EventRecord[] };

let emu: Emulator;
const open: WebSocket[] = [];
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());
afterEach(() => {
  for (const ws of open.splice(0)) ws.terminate();
});

/** Opens a stream with `query` and collects every message it receives. */
async function subscribe(query: string): Promise<Subscriber> {
  const ws = new WebSocket(`${emu.urls.stream}${query}`);
  open.push(ws);
  const messages: Subscriber['messages'] = [];
  ws.on('message', (data, isBinary) => messages.push({ text: String(data), isBinary }));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, messages, records: () => messages.map((m) => JSON.parse(m.text) as EventRecord) };
}

/** Resolves once `sub` received a message for event `name`; messages on one socket arrive in order. */
async function until(sub: Subscriber, name: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!sub.records().some((r) => (r.payload as { event?: unknown }).event === name)) {
    if (Date.now() > deadline) throw new Error(`no "${name}" message within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function post(path: string, body: object): Promise<unknown> {
  return request(emu.url)
    .post(path)
    .set('Authorization', basic(KEY))
    .send(body)
    .expect(200)
    .then(() => undefined);
}

const sentinel = (userId = 'u-1'): Promise<unknown> => post('/v1/track', { userId, event: SENTINEL });

/** The upgrade's HTTP answer when the server refuses it. */
function refusal(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    open.push(ws);
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on('open', () => reject(new Error('the upgrade was accepted')));
    ws.on('error', reject);
  });
}

describe('WS /_emulator/stream', () => {
  it('sends exactly the matching EventRecords, one JSON text message each', async () => {
    const sub = await subscribe('?type=track&userId=u-1');
    await post('/v1/identify', { userId: 'u-1' });
    await post('/v1/track', { userId: 'u-2', event: 'Other Person' });
    await post('/v1/track', { userId: 'u-1', event: 'A' });
    await post('/v1/batch', {
      batch: [
        { type: 'track', userId: 'u-1', event: 'B' },
        { type: 'page', userId: 'u-1' },
      ],
    });
    await post('/v1/track', { userId: 'u-1' });
    await sentinel();
    await until(sub, SENTINEL);

    expect(sub.messages.every((m) => !m.isBinary)).toBe(true);
    const records = sub.records();
    expect(records.map((r) => (r.payload as { event?: string }).event)).toEqual(['A', 'B', undefined, SENTINEL]);
    expect(records).toEqual(emu.events({ type: 'track', userId: 'u-1' }));
    for (const record of records) expect(schemas.validate('control/event-record', record)).toEqual([]);
  });

  it('applies the valid filter', async () => {
    const sub = await subscribe('?valid=false');
    await post('/v1/track', { userId: 'u-1', event: 'Fine' });
    await post('/v1/track', { userId: 'u-1', event: 'Device Created or Updated' });
    await post('/v1/alias', { previousId: 'a', userId: 'u-1' });
    await post('/v1/track', { userId: 'u-1', event: SENTINEL, properties: 'not an object' });
    await until(sub, SENTINEL);
    expect(sub.records().map((r) => [r.type, (r.payload as { event?: string }).event, r.valid])).toEqual([
      ['track', 'Device Created or Updated', false],
      ['track', SENTINEL, false],
    ]);
  });

  it('gives each subscriber its own filter; no filter means everything', async () => {
    const [all, keyed, other] = await Promise.all([
      subscribe(''),
      subscribe(`?writeKey=${KEY}&event=Mine`),
      subscribe('?writeKey=someone-else'),
    ]);
    await post('/v1/track', { userId: 'u-1', event: 'Mine' });
    await post('/v1/screen', { userId: 'u-1', name: 'Home' });
    await sentinel();
    await Promise.all([until(all, SENTINEL), until(keyed, 'Mine')]);
    expect(all.records().map((r) => r.type)).toEqual(['track', 'screen', 'track']);
    await until(keyed, 'Mine');
    expect(keyed.records().map((r) => (r.payload as { event?: string }).event)).toEqual(['Mine']);
    expect(other.messages).toEqual([]);
  });

  it('sends only what arrives after the connection', async () => {
    await post('/v1/track', { userId: 'u-1', event: 'Before' });
    const sub = await subscribe('?userId=u-1');
    await sentinel();
    await until(sub, SENTINEL);
    expect(sub.records().map((r) => (r.payload as { event?: string }).event)).toEqual([SENTINEL]);
  });

  it('streams workspace changes only to subscribers that ask for api=workspace', async () => {
    const changes = await subscribe('?api=workspace&userId=u-ws');
    const everything = await subscribe('');
    await post('/v1/identify', { userId: 'u-ws', traits: { plan: 'pro' } });
    await sentinel();
    await until(everything, SENTINEL);
    const deadline = Date.now() + 5_000;
    while (!changes.records().some((r) => r.type === 'person.attributes') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(changes.records().map((r) => [r.api, r.type, r.workspace])).toEqual([
      ['workspace', 'person.created', KEY],
      ['workspace', 'person.attributes', KEY],
    ]);
    expect(changes.records()[1]!.payload).toMatchObject({ changed: { plan: { from: null, to: 'pro' } } });
    expect(everything.records().every((r) => r.api === 'pipelines')).toBe(true);
  });

  it('keeps serving after a subscriber disconnects', async () => {
    const gone = await subscribe('');
    const closed = new Promise((resolve) => gone.ws.once('close', resolve));
    gone.ws.close();
    await closed;
    const sub = await subscribe('');
    await sentinel();
    await until(sub, SENTINEL);
    expect(gone.messages).toEqual([]);
  });

  it.each(['?valid=maybe', '?api=other', '?since=-1', '?userId=a&userId=b'])(
    'refuses the upgrade for %s with 400',
    async (query) => {
      const { status, body } = await refusal(`${emu.urls.stream}${query}`);
      expect(status).toBe(400);
      expect(body).toMatch(new RegExp(query.slice(1).split('=')[0]!));
    },
  );

  it.each(['/_emulator/streams', '/_emulator/events', '/v1/track', '/'])(
    'refuses an upgrade on %s with 404',
    async (path) => {
      const { status } = await refusal(`${emu.url.replace(/^http/, 'ws')}${path}`);
      expect(status).toBe(404);
    },
  );
});
