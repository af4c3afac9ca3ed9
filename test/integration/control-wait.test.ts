import { setTimeout as delay } from 'node:timers/promises';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WaitTimeoutError, type Emulator, type EventFilter, type EventRecord } from '../../src/index.js';
import { basic, expectProblem, startTestEmulator } from '../helpers/emulator.js';

const KEY = 'wait-key';

let emu: Emulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function track(target: Emulator, event: string, messageId?: string): Promise<unknown> {
  return request(target.url)
    .post('/v1/track')
    .set('Authorization', basic(KEY))
    .send({ userId: 'u-1', event, ...(messageId ? { messageId } : {}) })
    .expect(200)
    .then(() => undefined);
}

function events(items: unknown): unknown[] {
  return (items as EventRecord[]).map((r) => (r.payload as { event?: unknown }).event);
}

/** Starts a GET /events/wait now, without awaiting it; `settled()` tells whether it has answered. */
function startWait(query: Record<string, string | number>): Promise<request.Response> & { settled(): boolean } {
  let done = false;
  const response = request(emu.url)
    .get('/_emulator/events/wait')
    .query(query)
    .then((res) => {
      done = true;
      return res;
    });
  return Object.assign(response, { settled: () => done });
}

describe('GET /events/wait', () => {
  it('answers 200 as soon as a matching event arrives, ignoring others', async () => {
    const started = Date.now();
    const waiting = startWait({ event: 'Checkout', timeoutMs: 15_000 });
    await delay(100);
    await track(emu, 'Page Scrolled');
    await delay(50);
    expect(waiting.settled()).toBe(false);
    await track(emu, 'Checkout');
    const res = await waiting;
    expect(res.status).toBe(200);
    expect(events(res.body.items)).toEqual(['Checkout']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers at once when enough matching events are already retained, oldest first', async () => {
    for (const name of ['A', 'B', 'C']) await track(emu, name);
    const res = await startWait({ type: 'track', count: 2, timeoutMs: 15_000 });
    expect(res.status).toBe(200);
    expect(events(res.body.items)).toEqual(['A', 'B']);
  });

  it('waits for count=N events, counting retained and new ones', async () => {
    await track(emu, 'First');
    const waiting = startWait({ userId: 'u-1', count: 3, timeoutMs: 15_000 });
    await delay(100);
    await track(emu, 'Second');
    await delay(50);
    expect(waiting.settled()).toBe(false);
    await track(emu, 'Third');
    const res = await waiting;
    expect(res.status).toBe(200);
    expect(events(res.body.items)).toEqual(['First', 'Second', 'Third']);
  });

  it('answers 408 with what matched so far on timeout', async () => {
    await track(emu, 'Only One');
    const res = await startWait({ event: 'Only One', count: 3, timeoutMs: 300 });
    expect(res.status).toBe(408);
    expect(events(res.body.items)).toEqual(['Only One']);
  });

  it('answers 408 with no items when nothing matched', async () => {
    await track(emu, 'Other');
    const res = await startWait({ event: 'Never', timeoutMs: 100 });
    expect([res.status, res.body]).toEqual([408, { items: [] }]);
  });

  it('respects since: older matches do not count', async () => {
    await track(emu, 'Again');
    const since = emu.events().at(-1)!.seq;
    const res = await startWait({ event: 'Again', since, timeoutMs: 100 });
    expect([res.status, res.body]).toEqual([408, { items: [] }]);
  });

  it.each(['count=0', 'count=x', 'timeoutMs=-1', 'timeoutMs=999999999', 'valid=maybe', 'api=other'])(
    '?%s answers 400 problem+json',
    async (query) => {
      expectProblem(await request(emu.url).get(`/_emulator/events/wait?${query}`), 400);
    },
  );
});

describe('programmatic API', () => {
  it('waitFor resolves with the first matching events', async () => {
    const waiting = emu.waitFor({ type: 'track', event: 'Signed Up' }, { timeoutMs: 15_000 });
    await track(emu, 'Ignored');
    await track(emu, 'Signed Up', 'm-signup');
    const [record, ...rest] = await waiting;
    expect(rest).toHaveLength(0);
    expect(record).toMatchObject({ type: 'track', writeKey: KEY, payload: { messageId: 'm-signup' } });
  });

  it('waitFor rejects with WaitTimeoutError carrying the partial items', async () => {
    await track(emu, 'Half');
    const error: unknown = await emu.waitFor({ event: 'Half' }, { count: 2, timeoutMs: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toBeInstanceOf(Error);
    expect(events((error as WaitTimeoutError).items)).toEqual(['Half']);
    expect((error as WaitTimeoutError).message).toMatch(/1 of 2/);
  });

  it('waitFor and events refuse an invalid filter', async () => {
    const bad = { api: 'other' } as unknown as EventFilter;
    expect(() => emu.events(bad)).toThrow(TypeError);
    await expect(emu.waitFor(bad, { timeoutMs: 50 })).rejects.toThrow(TypeError);
  });

  it('events filters, limits, and hands out copies', async () => {
    for (const name of ['A', 'B', 'A']) await track(emu, name);
    expect(events(emu.events({ event: 'A' }))).toEqual(['A', 'A']);
    expect(events(emu.events({ limit: 2 }))).toEqual(['A', 'B']);
    const copy = emu.events()[0]!;
    (copy.payload as { event: string }).event = 'changed';
    expect(events(emu.events())).toEqual(['A', 'B', 'A']);
  });

  it('reset empties events and state', async () => {
    await track(emu, 'Gone');
    await emu.reset();
    expect(emu.events()).toEqual([]);
    expect(emu.state().events).toEqual([]);
    expect((await request(emu.url).get('/_emulator/events').expect(200)).body).toEqual({ items: [] });
  });

  it('urls name every base URL', () => {
    expect(emu.urls).toEqual({
      pipelines: `${emu.url}/v1`,
      track: `${emu.url}/api`,
      app: `${emu.url}/v1`,
      flowService: `${emu.url}/data/foundation/flowservice`,
      inlet: `${emu.url}/collection`,
      control: `${emu.url}/_emulator`,
      stream: `${emu.url.replace(/^http/, 'ws')}/_emulator/stream`,
    });
  });
});

describe('maxEvents eviction', () => {
  let small: Emulator;
  beforeAll(async () => {
    small = await startTestEmulator({ maxEvents: 5 });
    for (let i = 1; i <= 12; i++) await track(small, `E${i}`);
  });
  afterAll(() => small.close());

  const newest = ['E8', 'E9', 'E10', 'E11', 'E12'];

  it('GET /events shows only the newest maxEvents, oldest first', async () => {
    const res = await request(small.url).get('/_emulator/events').expect(200);
    expect(events(res.body.items)).toEqual(newest);
    expect(events((await request(small.url).get('/_emulator/events?limit=2').expect(200)).body.items)).toEqual([
      'E8',
      'E9',
    ]);
  });

  it('emu.events and waitFor see the same window', async () => {
    expect(events(small.events())).toEqual(newest);
    const error: unknown = await small.waitFor({ event: 'E1' }, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
  });

  it('the state export holds exactly the retained window', async () => {
    expect(events(small.state().events)).toEqual(newest);
    const res = await request(small.url).get('/_emulator/state').expect(200);
    expect(events(res.body.events)).toEqual(newest);
  });

  it('seq keeps counting past evictions', () => {
    // Seq 2 went to the workspace change the first event made (the person was created).
    expect(small.events().map((r) => r.seq)).toEqual([9, 10, 11, 12, 13]);
  });
});
