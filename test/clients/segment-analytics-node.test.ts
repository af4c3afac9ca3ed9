import { Analytics, type AnalyticsSettings } from '@segment/analytics-node';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator, StartOptions } from '../../src/index.js';
import { startTestEmulator } from '../helpers/emulator.js';
import {
  CALL_TYPES,
  captureRequests,
  deliver,
  expectAcceptedCall,
  ISO_TIMESTAMP,
  sendEveryCall,
  USER_ID,
  type TrackingClient,
} from '../helpers/tracking-clients.js';

const LIBRARY = '@segment/analytics-node';
const WRITE_KEY = 'segment-node-key';

type FetchInit = { headers: Record<string, string>; body: string; method: 'POST'; signal: unknown };

// Segment's own node client, pointed at the emulator by `host` (reference §3, Segment @segment/analytics-node).
describe('@segment/analytics-node against the emulator', () => {
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
  ): Promise<{ emu: Emulator; client: TrackingClient; statuses: number[] }> {
    emu = await startTestEmulator(emulator);
    // A long flushInterval: batches leave only when full or on closeAndFlush, never on a timer.
    const client = new Analytics({
      writeKey: WRITE_KEY,
      host: emu.url,
      maxRetries: 1,
      flushInterval: 60_000,
      ...settings,
    });
    const statuses: number[] = [];
    client.on('http_response', ({ status }) => statuses.push(status));
    clients.push(client);
    return { emu, client, statuses };
  }

  it('delivers each of the six calls as its own valid EventRecord with the enriched fields', async () => {
    const { emu, client, statuses } = await setUp({});
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
    expect(statuses).toEqual([200]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe(`${emu.url}/v1/batch`);
    expect(requests[0]!.body.batch.map((item) => item.type)).toEqual(CALL_TYPES);
    expect(emu.events({ api: 'pipelines' })).toHaveLength(6);
  });

  it('sends body writeKey and sentAt; sentAt lands on every payload and corrects the timestamp', async () => {
    const { emu, client } = await setUp({}, { flushAt: 2 });
    const requests = captureRequests(client);
    const deliveries = ['One', 'Two'].map((event) => deliver(client.track, { userId: USER_ID, event }));

    const records = await emu.waitFor({ writeKey: WRITE_KEY }, { count: 2, timeoutMs: 5_000 });
    await Promise.all(deliveries);
    const body = requests[0]!.body;
    expect(body.writeKey).toBe(WRITE_KEY);
    expect(body.sentAt).toMatch(ISO_TIMESTAMP);
    records.forEach((record, i) => {
      const payload = record.payload as Record<string, string>;
      expect(payload.sentAt).toBe(body.sentAt);
      expect(payload.originalTimestamp).toBe(body.batch[i]!.timestamp);
      // Segment's rule: timestamp = receivedAt − (sentAt − originalTimestamp) (reference §2).
      const skew = Date.parse(body.sentAt!) - Date.parse(payload.originalTimestamp!);
      expect(payload.timestamp).toBe(new Date(Date.parse(payload.receivedAt!) - skew).toISOString());
      expect(payload).not.toHaveProperty('writeKey');
    });
  });

  it('is identified by the body writeKey alone when no Authorization header reaches the emulator', async () => {
    const stripAuth = ({ Authorization: _dropped, ...headers }: Record<string, string>) => headers;
    const httpClient = (url: string, init: FetchInit) =>
      fetch(url, { method: init.method, body: init.body, headers: stripAuth(init.headers) });
    const { emu, client, statuses } = await setUp({ strict: true, writeKeys: [WRITE_KEY] }, { flushAt: 1, httpClient });
    const delivery = await deliver(client.track, { userId: USER_ID, event: 'Body Key' });

    expect(delivery.err).toBeUndefined();
    expect(statuses).toEqual([200]);
    const [record] = await emu.waitFor({ event: 'Body Key' }, { timeoutMs: 5_000 });
    expect(record).toMatchObject({ valid: true, errors: [], writeKey: WRITE_KEY });
  });

  it('sends flushAt events as one /v1/batch request, journaled as one record per item', async () => {
    const { emu, client } = await setUp({}, { flushAt: 3 });
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
    const { emu, client, statuses } = await setUp({ strict: true }, { flushAt: 1, maxRetries: 1 });
    // A semantic event the client lets through, but which needs context.device.token.
    const delivery = await deliver(client.track, {
      userId: USER_ID,
      event: 'Device Created or Updated',
      properties: {},
    });

    expect(String(delivery.err)).toMatch(/\[400\]/);
    expect(statuses).toEqual([400]);
    const records = emu.events({ api: 'pipelines' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ type: 'track', valid: false, writeKey: WRITE_KEY });
    expect((records[0]!.payload as { messageId: string }).messageId).toBe(delivery.messageId);
    expect(records[0]!.errors.map((e) => e.path).join()).toMatch(/device/);
  });

  it('gets a 401 in strict mode for an unknown write key, which Segment does not retry', async () => {
    const { emu, client, statuses } = await setUp(
      { strict: true, writeKeys: ['good'] },
      { writeKey: 'bad', flushAt: 1, maxRetries: 1 },
    );
    const delivery = await deliver(client.group, { userId: USER_ID, groupId: 'acme', traits: { object_type_id: '1' } });

    expect(String(delivery.err)).toMatch(/\[401\]/);
    expect(statuses).toEqual([401]);
    const records = emu.events({ api: 'pipelines' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ type: 'group', valid: false, writeKey: 'bad' });
    expect(records[0]!.errors.map((e) => e.message).join()).toMatch(/Unknown write key "bad"/);
  });

  it('marks the retry of a batch whose answer was lost as duplicate, by messageId', async () => {
    // The first attempt reaches the emulator but its answer is replaced by a 503, as when a
    // proxy times out: the client retries the same batch (X-Retry-Count: 1).
    let attempts = 0;
    const retryCounts: (string | undefined)[] = [];
    const httpClient = async (url: string, init: FetchInit) => {
      retryCounts.push(init.headers['X-Retry-Count']);
      const response = await fetch(url, { method: init.method, body: init.body, headers: init.headers });
      return ++attempts === 1 ? new Response(null, { status: 503, statusText: 'Service Unavailable' }) : response;
    };
    const { emu, client, statuses } = await setUp({}, { flushAt: 1, maxRetries: 1, httpClient });
    const delivery = await deliver(client.track, { userId: USER_ID, event: 'Retried' });

    expect(delivery.err).toBeUndefined();
    expect(statuses).toEqual([503, 200]);
    expect(retryCounts).toEqual([undefined, '1']);
    const records = await emu.waitFor({ event: 'Retried' }, { count: 2, timeoutMs: 5_000 });
    expect(records.map((r) => (r.payload as { messageId: string }).messageId)).toEqual([
      delivery.messageId,
      delivery.messageId,
    ]);
    expect(records.map((r) => [r.valid, r.duplicate])).toEqual([
      [true, undefined],
      [true, true],
    ]);
  });
});
