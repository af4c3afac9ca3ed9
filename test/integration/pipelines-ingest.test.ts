import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator, EventRecord } from '../../src/index.js';
import { createSchemaRegistry, defaultSchemaDir } from '../../src/schema/registry.js';
import { basic, expectProblem, startTestEmulator } from '../helpers/emulator.js';

const KEY = 'ingest-key';
const TRACK = { userId: 'u-1', event: 'Order Completed' };

let emu: Emulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function post(path: string, body: object, key = KEY): request.Test {
  return request(emu.url).post(path).set('Authorization', basic(key)).send(body);
}

function payloads(): Record<string, unknown>[] {
  return emu.events().map((r) => r.payload as Record<string, unknown>);
}

function only(records: EventRecord[]): EventRecord {
  expect(records).toHaveLength(1);
  return records[0]!;
}

describe('enrichment', () => {
  it('stamps messageId, receivedAt, type, version, timestamp and context.ip', async () => {
    const before = Date.now();
    await post('/v1/t', TRACK).expect(200);
    const after = Date.now();
    const record = only(emu.events());
    const payload = record.payload as Record<string, unknown>;
    expect(payload.messageId).toMatch(/\S/);
    expect(payload.type).toBe('track');
    expect(payload.version).toBe(1.1);
    expect(payload.receivedAt).toBe(record.receivedAt);
    expect(Date.parse(record.receivedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(record.receivedAt)).toBeLessThanOrEqual(after);
    expect(payload.timestamp).toBe(record.receivedAt);
    expect(payload.context).toEqual({ ip: '127.0.0.1' });
    expect(payload.integrations).toEqual({});
  });

  it('gives every event without a messageId its own', async () => {
    await post('/v1/batch', {
      batch: [
        { type: 'track', ...TRACK },
        { type: 'track', ...TRACK },
      ],
    }).expect(200);
    const [a, b] = payloads();
    expect(a!.messageId).not.toBe(b!.messageId);
    expect(emu.events().some((r) => r.duplicate)).toBe(false);
  });

  it('keeps what the client set: messageId, a backfill timestamp, context.ip', async () => {
    const sent = {
      ...TRACK,
      messageId: 'm-client',
      timestamp: '2020-05-05T05:05:05.000Z',
      context: { ip: '203.0.113.9' },
    };
    await post('/v1/track', sent).expect(200);
    expect(only(emu.events()).payload).toMatchObject(sent);
  });

  it('corrects client clock skew from sentAt and originalTimestamp', async () => {
    // The client clock runs an hour fast; the event happened 5 s before it was sent.
    const sentAt = Date.now() + 3_600_000;
    await post('/v1/track', {
      ...TRACK,
      originalTimestamp: new Date(sentAt - 5_000).toISOString(),
      sentAt: new Date(sentAt).toISOString(),
    }).expect(200);
    const payload = only(emu.events()).payload as { timestamp: string; receivedAt: string };
    expect(Date.parse(payload.receivedAt) - Date.parse(payload.timestamp)).toBe(5_000);
  });
});

describe('batch', () => {
  it('merges batch-level context and integrations beneath each item', async () => {
    await post('/v1/batch', {
      context: { library: { name: 'batch-lib', version: '1.0' }, channel: 'server' },
      integrations: { All: false, Slack: true },
      batch: [
        {
          type: 'track',
          ...TRACK,
          context: { library: { name: 'item-lib' }, locale: 'fr-FR' },
          integrations: { Slack: false },
        },
        { type: 'identify', userId: 'u-2' },
      ],
    }).expect(200);
    const [first, second] = payloads();
    expect(first!.context).toEqual({
      library: { name: 'item-lib', version: '1.0' },
      channel: 'server',
      locale: 'fr-FR',
      ip: '127.0.0.1',
    });
    expect(first!.integrations).toEqual({ All: false, Slack: false });
    expect(second!.context).toEqual({
      library: { name: 'batch-lib', version: '1.0' },
      channel: 'server',
      ip: '127.0.0.1',
    });
    expect(second!.integrations).toEqual({ All: false, Slack: true });
  });

  it('accepts unknown top-level keys and a null context, as real clients send them, even in strict mode', async () => {
    const body = {
      batch: [{ type: 'track', ...TRACK }],
      sentAt: new Date().toISOString(),
      messageId: 'go-batch-1',
      context: null,
      library: 'x',
    };
    await post('/v1/batch', body).set('X-Strict-Mode', '1').expect(200, {});
    expect(only(emu.events()).valid).toBe(true);
  });

  it('takes batch-level sentAt for the clock-skew correction', async () => {
    const sentAt = Date.now() - 3_600_000;
    const item = { type: 'track', ...TRACK, timestamp: new Date(sentAt - 2_000).toISOString() };
    await post('/v1/b', { sentAt: new Date(sentAt).toISOString(), batch: [item] }).expect(200);
    const payload = only(emu.events()).payload as { timestamp: string; receivedAt: string; sentAt: string };
    expect(Date.parse(payload.receivedAt) - Date.parse(payload.timestamp)).toBe(2_000);
    expect(payload.sentAt).toBe(new Date(sentAt).toISOString());
  });

  it('accepts alias items, which the spec batch schema omits', async () => {
    await post('/v1/batch', { batch: [{ type: 'alias', previousId: 'a-1', userId: 'u-1' }] })
      .set('X-Strict-Mode', '1')
      .expect(200);
    expect(only(emu.events())).toMatchObject({
      type: 'alias',
      valid: true,
      payload: { previousId: 'a-1', userId: 'u-1' },
    });
  });
});

describe('duplicate messageId', () => {
  const event = { ...TRACK, messageId: 'm-dup' };

  it('marks a repeat from the same write key as duplicate', async () => {
    await post('/v1/track', event).expect(200);
    await post('/v1/track', event).expect(200, {});
    expect(emu.events().map((r) => r.duplicate ?? false)).toEqual([false, true]);
  });

  it('marks a repeat inside one batch', async () => {
    await post('/v1/batch', {
      batch: [
        { type: 'track', ...event },
        { type: 'track', ...event },
      ],
    }).expect(200);
    expect(emu.events().map((r) => r.duplicate ?? false)).toEqual([false, true]);
  });

  it('does not mark the same messageId from another write key', async () => {
    await post('/v1/track', event, 'key-a').expect(200);
    await post('/v1/track', event, 'key-b').expect(200);
    expect(emu.events().map((r) => r.duplicate ?? false)).toEqual([false, false]);
  });

  it('does not count an invalid first attempt', async () => {
    await post('/v1/track', { userId: 'u-1', messageId: 'm-dup' }).expect(200);
    await post('/v1/track', event).expect(200);
    expect(emu.events().map((r) => [r.valid, r.duplicate ?? false])).toEqual([
      [false, false],
      [true, false],
    ]);
  });

  it('does not count an event refused with its strict request', async () => {
    await post('/v1/batch', {
      batch: [
        { type: 'track', ...event },
        { type: 'track', userId: 'u-1' },
      ],
    })
      .set('X-Strict-Mode', '1')
      .expect(400);
    await post('/v1/track', event).expect(200);
    expect(emu.events().at(-1)).toMatchObject({ valid: true });
    expect(emu.events().at(-1)!.duplicate).toBeUndefined();
  });

  it('forgets seen messageIds on reset', async () => {
    await post('/v1/track', event).expect(200);
    await emu.reset();
    await post('/v1/track', event).expect(200);
    expect(only(emu.events()).duplicate).toBeUndefined();
  });
});

describe('browser settings and metrics', () => {
  const schemas = createSchemaRegistry(defaultSchemaDir());
  type Settings = {
    integrations: Record<string, { apiKey: string; apiHost: string; protocol: string }>;
    metrics: { sampleRate: number };
  };
  const cio = (body: unknown): Settings['integrations'][string] =>
    (body as Settings).integrations['Customer.io Data Pipelines']!;

  it('points the SDK back at the host it was loaded from', async () => {
    const res = await request(emu.url).get(`/v1/projects/${KEY}/settings`).expect(200);
    expect(schemas.validate('pipelines/settings', res.body)).toEqual([]);
    expect(cio(res.body)).toEqual({ apiKey: KEY, apiHost: `127.0.0.1:${emu.port}/v1`, protocol: 'http' });
    expect(Object.keys((res.body as Settings).integrations)).toEqual(['Customer.io Data Pipelines']);
    expect((res.body as Settings).metrics.sampleRate).toBe(0);
  });

  it('uses the Host header the SDK sent', async () => {
    const res = await request(emu.url)
      .get(`/v1/projects/${KEY}/settings`)
      .set('Host', 'emulator.test:8080')
      .expect(200);
    expect(cio(res.body).apiHost).toBe('emulator.test:8080/v1');
  });

  it('uses publicUrl when set, with its path prefix and protocol', async () => {
    const pub = await startTestEmulator({ publicUrl: 'https://cdp.example.test/emu' });
    try {
      const res = await request(pub.url).get(`/v1/projects/${KEY}/settings`).expect(200);
      expect(cio(res.body)).toEqual({ apiKey: KEY, apiHost: 'cdp.example.test/emu/v1', protocol: 'https' });
    } finally {
      await pub.close();
    }
  });

  it('answers 404 problem+json for a key outside writeKeys, 200 for one inside', async () => {
    const locked = await startTestEmulator({ writeKeys: ['good-key'] });
    try {
      expectProblem(await request(locked.url).get('/v1/projects/other-key/settings'), 404);
      await request(locked.url).get('/v1/projects/good-key/settings').expect(200);
    } finally {
      await locked.close();
    }
  });

  it('accepts /v1/m metrics with 200 and journals nothing', async () => {
    const series = JSON.stringify({ series: [{ type: 'Counter', metric: 'analytics_js.invoke', value: 1, tags: {} }] });
    await request(emu.url).post('/v1/m').set('Content-Type', 'text/plain').send(series).expect(200, {});
    expect(emu.events()).toHaveLength(0);
  });
});
