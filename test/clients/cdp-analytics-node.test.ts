import { Analytics, type AnalyticsSettings } from '@customerio/cdp-analytics-node';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator, StartOptions } from '../../src/index.js';
import { startTestEmulator } from '../helpers/emulator.js';
import {
  CALL_TYPES,
  captureRequests,
  deliver,
  expectAcceptedCall,
  sendEveryCall,
  USER_ID,
  type TrackingClient,
} from '../helpers/tracking-clients.js';

const LIBRARY = '@customerio/cdp-analytics-node';
const WRITE_KEY = 'cio-node-key';

// The real client, unmodified, against the emulator (reference §3, @customerio/cdp-analytics-node).
describe('@customerio/cdp-analytics-node against the emulator', () => {
  let emu: Emulator | undefined;
  const clients: TrackingClient[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.closeAndFlush({ timeout: 1_000 })));
    await emu?.close();
    emu = undefined;
  });

  async function setUp(
    emulator: StartOptions,
    settings: Partial<AnalyticsSettings> = {},
  ): Promise<{ emu: Emulator; client: TrackingClient }> {
    emu = await startTestEmulator(emulator);
    // A long flushInterval: batches leave only when full or on closeAndFlush, never on a timer.
    const client: TrackingClient = new Analytics({
      writeKey: WRITE_KEY,
      host: emu.url,
      maxRetries: 1,
      flushInterval: 60_000,
      ...settings,
    });
    clients.push(client);
    return { emu, client };
  }

  it('delivers each of the six calls as its own valid EventRecord with the enriched fields', async () => {
    const { emu, client } = await setUp({});
    const requests = captureRequests(client);
    const deliveries = sendEveryCall(client);
    await client.closeAndFlush({ timeout: 5_000 });

    for (const type of CALL_TYPES) {
      const [record] = await emu.waitFor({ type, writeKey: WRITE_KEY }, { timeoutMs: 5_000 });
      const { err, messageId } = await deliveries[type];
      expect(err, type).toBeUndefined();
      expect(messageId).toMatch(/^node-next-\d+-[0-9a-f-]{36}$/);
      expectAcceptedCall(record!, type, { writeKey: WRITE_KEY, messageId: messageId!, library: LIBRARY });
    }
    // Everything went in one POST /v1/batch with Basic auth and no body writeKey or sentAt.
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe(`${emu.url}/v1/batch`);
    expect(requests[0]!.headers.Authorization).toBe(`Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`);
    expect(Object.keys(requests[0]!.body)).toEqual(['batch']);
    expect(requests[0]!.body.batch.map((item) => item.type)).toEqual(CALL_TYPES);
    expect(emu.events({ api: 'pipelines' })).toHaveLength(6);
  });

  it('stores the client timestamp as originalTimestamp and adds no sentAt, since the client sends none', async () => {
    const { emu, client } = await setUp({}, { maxEventsInBatch: 1 });
    const requests = captureRequests(client);
    const delivery = deliver(client.track, { userId: USER_ID, event: 'Clock Checked' });
    const [record] = await emu.waitFor({ event: 'Clock Checked' }, { timeoutMs: 5_000 });
    expect((await delivery).err).toBeUndefined();
    const sent = requests[0]!.body.batch[0]!;
    const payload = record!.payload as Record<string, unknown>;
    expect(payload.originalTimestamp).toBe(sent.timestamp);
    expect(payload.timestamp).toBe(sent.timestamp);
    expect(payload).not.toHaveProperty('sentAt');
    expect(payload._metadata).toEqual(sent._metadata);
  });

  it('sends maxEventsInBatch events as one /v1/batch request, journaled as one record per item', async () => {
    const { emu, client } = await setUp({}, { maxEventsInBatch: 3 });
    const requests = captureRequests(client);
    const deliveries = ['First', 'Second', 'Third'].map((event) => deliver(client.track, { userId: USER_ID, event }));

    const records = await emu.waitFor({ type: 'track', writeKey: WRITE_KEY }, { count: 3, timeoutMs: 5_000 });
    const sent = await Promise.all(deliveries);
    expect(sent.map((d) => d.err)).toEqual([undefined, undefined, undefined]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.body.batch).toHaveLength(3);
    expect(records.map((r) => (r.payload as { event: string }).event)).toEqual(['First', 'Second', 'Third']);
    expect(records.map((r) => (r.payload as { messageId: string }).messageId)).toEqual(sent.map((d) => d.messageId));
    expect(new Set(records.map((r) => r.id)).size).toBe(3);
    expect(records.every((r) => r.valid && r.errors.length === 0)).toBe(true);
  });

  it('gets a 400 in strict mode for an event the schema refuses, drops it without retrying, and the record says why', async () => {
    const { emu, client } = await setUp({ strict: true }, { maxEventsInBatch: 1, maxRetries: 2 });
    const requests = captureRequests(client);
    // The client's GroupTraits let any value through; the spec's objectTypeId is a string.
    const delivery = await deliver(client.group, { userId: USER_ID, groupId: 'acme', traits: { object_type_id: 1 } });

    expect(String(delivery.err)).toMatch(/\[400\]/);
    expect(requests).toHaveLength(1);
    const records = emu.events({ api: 'pipelines' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ type: 'group', valid: false, writeKey: WRITE_KEY });
    expect((records[0]!.payload as { messageId: string }).messageId).toBe(delivery.messageId);
    expect(records[0]!.errors.map((e) => e.path)).toContain('/traits/object_type_id');
  });

  it('refuses a whole strict-mode batch for one bad item; the good item is journaled as not applied', async () => {
    const { emu, client } = await setUp({ strict: true }, { maxEventsInBatch: 2, maxRetries: 2 });
    const requests = captureRequests(client);
    const good = deliver(client.track, { userId: USER_ID, event: 'Fine' });
    // A semantic event the client lets through, but which needs context.device.token.
    const bad = deliver(client.track, { userId: USER_ID, event: 'Device Created or Updated' });

    const [goodResult, badResult] = await Promise.all([good, bad]);
    expect(String(goodResult.err)).toMatch(/\[400\]/);
    expect(String(badResult.err)).toMatch(/\[400\]/);
    expect(requests).toHaveLength(1);
    const records = emu.events({ api: 'pipelines' });
    expect(records.map((r) => [(r.payload as { event: string }).event, r.valid])).toEqual([
      ['Fine', false],
      ['Device Created or Updated', false],
    ]);
    expect(records[0]!.errors.map((e) => e.message).join()).toMatch(/strict mode refused/);
    expect(records[1]!.errors.map((e) => e.path).join()).toMatch(/device/);
  });

  it('gets a 401 in strict mode for an unknown write key, and retries it as the client does with any non-400', async () => {
    const { emu, client } = await setUp(
      { strict: true, writeKeys: ['good'] },
      { writeKey: 'bad', maxEventsInBatch: 1, maxRetries: 1 },
    );
    const requests = captureRequests(client);
    const delivery = await deliver(client.identify, { userId: USER_ID, traits: { email: 'ada@example.com' } });

    expect(String(delivery.err)).toMatch(/\[401\]/);
    // maxRetries 1: two attempts, each journaled; the same messageId both times.
    expect(requests).toHaveLength(2);
    const records = await emu.waitFor({ writeKey: 'bad' }, { count: 2, timeoutMs: 5_000 });
    for (const record of records) {
      expect(record).toMatchObject({ api: 'pipelines', type: 'identify', valid: false, writeKey: 'bad' });
      expect(record.errors.map((e) => e.message).join()).toMatch(/write key/i);
      expect((record.payload as { messageId: string }).messageId).toBe(delivery.messageId);
    }
    expect(emu.events({ valid: true })).toEqual([]);
  });

  it('lets an event over 32 KB through (its size check undercounts); answered 200, journaled as dropped', async () => {
    // ContextBatch.calculateSize counts `encodeURI(json).split(/%..|i/).length`, about one
    // per "i", so a 40 KB string of "x" passes the client's 32 KB check (reference §2, Limits).
    const { emu, client } = await setUp({}, { maxEventsInBatch: 1 });
    const requests = captureRequests(client);
    const delivery = await deliver(client.track, {
      userId: USER_ID,
      event: 'Huge',
      properties: { blob: 'x'.repeat(40_000) },
    });

    expect(delivery.err).toBeUndefined();
    expect(requests).toHaveLength(1);
    const [record] = await emu.waitFor({ event: 'Huge' }, { timeoutMs: 5_000 });
    expect(record).toMatchObject({ valid: false, writeKey: WRITE_KEY });
    expect(record!.errors.map((e) => e.message).join()).toMatch(/over the 32768-byte limit/);
  });

  it('is answered 200 for an unknown write key in permissive mode, while the record shows the silent drop', async () => {
    const { emu, client } = await setUp({ writeKeys: ['good'] }, { writeKey: 'bad', maxEventsInBatch: 1 });
    const requests = captureRequests(client);
    const delivery = await deliver(client.track, { userId: USER_ID, event: 'Lost' });

    expect(delivery.err).toBeUndefined();
    expect(requests).toHaveLength(1);
    const [record] = await emu.waitFor({ event: 'Lost' }, { timeoutMs: 5_000 });
    expect(record).toMatchObject({ valid: false, writeKey: 'bad' });
    expect(record!.errors.map((e) => e.message).join()).toMatch(/Unknown write key "bad"/);
  });
});
