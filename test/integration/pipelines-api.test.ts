import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator, EventRecord } from '../../src/index.js';
import { basic, expectPipelinesError, startTestEmulator } from '../helpers/emulator.js';

const KEY = 'pipelines-key';

/** One minimal valid body per call type. */
const VALID = {
  identify: { userId: 'u-1', traits: { email: 'ada@example.com' } },
  track: { userId: 'u-1', event: 'Order Completed', properties: { total: 12 } },
  page: { anonymousId: 'a-1', name: 'Home', properties: { url: 'https://example.com/' } },
  screen: { userId: 'u-1', name: 'Settings' },
  group: { userId: 'u-1', groupId: 'g-1', traits: { name: 'Acme' } },
  alias: { previousId: 'a-1', userId: 'u-1' },
} as const;
type CallType = keyof typeof VALID;
const TYPES = Object.keys(VALID) as CallType[];

let emu: Emulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

/** POSTs `body` as JSON with Basic auth for `key`; `null` sends no Authorization header. */
function post(path: string, body: object, key: string | null = KEY): request.Test {
  const req = request(emu.url).post(path);
  return key === null ? req.send(body) : req.set('Authorization', basic(key)).send(body);
}

/** POSTs bytes exactly as given (supertest would JSON-encode a Buffer sent as application/json). */
async function postRaw(
  path: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${emu.url}${path}`, { method: 'POST', body, headers });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

function only(records: EventRecord[]): EventRecord {
  expect(records).toHaveLength(1);
  return records[0]!;
}

describe('tracking endpoints', () => {
  const rows = TYPES.flatMap((type) => [
    [type, `/v1/${type}`],
    [type, `/v1/${type.charAt(0)}`],
  ]) as [CallType, string][];

  it.each(rows)('%s via %s answers 200 {} and journals one valid record', async (type, path) => {
    const res = await post(path, VALID[type]);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({});
    const record = only(emu.events());
    expect(record).toMatchObject({ api: 'pipelines', type, valid: true, errors: [], writeKey: KEY });
    expect(record.payload).toMatchObject({ ...VALID[type], type });
  });

  it.each(['/v1/batch', '/v1/b'])('%s journals one record per item, in order', async (path) => {
    const batch = TYPES.map((type) => ({ type, ...VALID[type] }));
    const res = await post(path, { batch });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const records = emu.events();
    expect(records.map((r) => r.type)).toEqual(TYPES);
    expect(records.every((r) => r.valid && r.writeKey === KEY)).toBe(true);
    expect(records.map((r) => r.seq)).toEqual([...records.map((r) => r.seq)].sort((a, b) => a - b));
  });

  it('takes the type from the endpoint, not from the body', async () => {
    await post('/v1/track', { ...VALID.track, type: 'identify' }).expect(200);
    const record = only(emu.events());
    expect(record.type).toBe('track');
    expect(record.payload).toMatchObject({ type: 'track' });
  });

  it.each([
    ['an unknown call', 'post', '/v1/purchase'],
    ['GET on a tracking path', 'get', '/v1/track'],
  ] as const)('answers 404 problem+json for %s', async (_name, method, path) => {
    const res = await request(emu.url)[method](path).set('Authorization', basic(KEY));
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(emu.events()).toHaveLength(0);
  });
});

describe('write key', () => {
  it('reads HTTP Basic auth', async () => {
    await post('/v1/track', VALID.track, 'basic-key').expect(200);
    expect(only(emu.events()).writeKey).toBe('basic-key');
  });

  it('reads the body writeKey and does not store it in the payload', async () => {
    await post('/v1/t', { ...VALID.track, writeKey: 'body-key' }, null).expect(200);
    const record = only(emu.events());
    expect(record).toMatchObject({ writeKey: 'body-key', valid: true });
    expect(record.payload).not.toHaveProperty('writeKey');
  });

  it('reads a batch-level body writeKey for every item', async () => {
    await post(
      '/v1/b',
      {
        writeKey: 'body-key',
        batch: [
          { type: 'track', ...VALID.track },
          { type: 'screen', ...VALID.screen },
        ],
      },
      null,
    ).expect(200);
    expect(emu.events().map((r) => [r.writeKey, r.valid])).toEqual([
      ['body-key', true],
      ['body-key', true],
    ]);
  });

  it('prefers the Basic header when both are sent', async () => {
    await post('/v1/track', { ...VALID.track, writeKey: 'body-key' }, 'header-key').expect(200);
    expect(only(emu.events()).writeKey).toBe('header-key');
  });

  it('treats a malformed Authorization header as absent', async () => {
    await request(emu.url)
      .post('/v1/track')
      .set('Authorization', 'Basic !!!')
      .send({ ...VALID.track, writeKey: 'body-key' })
      .expect(200);
    expect(only(emu.events()).writeKey).toBe('body-key');
  });

  it('permissive: a missing key answers 200 and journals the event invalid', async () => {
    const res = await post('/v1/track', VALID.track, null);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const record = only(emu.events());
    expect(record.valid).toBe(false);
    expect(record.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/Missing write key/) })]);
  });

  it('strict: a missing key answers 401 and still journals the event invalid', async () => {
    const res = await post('/v1/track', VALID.track, null).set('X-Strict-Mode', '1');
    expectPipelinesError(res, 401, /Unauthorized request/);
    expect(only(emu.events()).valid).toBe(false);
  });

  it('strict: only X-Strict-Mode 1 turns strict mode on', async () => {
    await post('/v1/track', VALID.track, null).set('X-Strict-Mode', 'true').expect(200);
  });
});

describe('write key allow-list (writeKeys option)', () => {
  let locked: Emulator;
  beforeAll(async () => {
    locked = await startTestEmulator({ writeKeys: ['good-key'] });
  });
  afterAll(() => locked.close());
  beforeEach(() => locked.reset());

  const send = (key: string | undefined, strict: boolean): request.Test => {
    const req = request(locked.url).post('/v1/track');
    if (key !== undefined) req.set('Authorization', basic(key));
    if (strict) req.set('X-Strict-Mode', '1');
    return req.send(VALID.track);
  };

  it.each([
    ['known key, permissive', 'good-key', false, 200, true],
    ['known key, strict', 'good-key', true, 200, true],
    ['unknown key, permissive', 'other-key', false, 200, false],
    ['unknown key, strict', 'other-key', true, 401, false],
    ['missing key, permissive', undefined, false, 200, false],
    ['missing key, strict', undefined, true, 401, false],
  ] as const)('%s → %i', async (_name, key, strict, status, valid) => {
    const res = await send(key, strict);
    if (status === 401) expectPipelinesError(res, 401);
    else expect([res.status, res.body]).toEqual([200, {}]);
    const record = only(locked.events());
    expect(record.valid).toBe(valid);
    if (key === 'other-key') expect(record.errors[0]!.message).toMatch(/Unknown write key "other-key"/);
  });

  it('the strict option answers 401 without the header', async () => {
    const strictEmu = await startTestEmulator({ writeKeys: ['good-key'], strict: true });
    try {
      const res = await request(strictEmu.url)
        .post('/v1/track')
        .set('Authorization', basic('other-key'))
        .send(VALID.track);
      expectPipelinesError(res, 401);
    } finally {
      await strictEmu.close();
    }
  });
});

describe('request bodies', () => {
  const json = JSON.stringify({ ...VALID.track, writeKey: KEY });

  it('accepts a body that starts with a UTF-8 byte-order mark', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(VALID.track))]);
    const res = await postRaw('/v1/track', body, { 'Content-Type': 'application/json', Authorization: basic(KEY) });
    expect([res.status, res.body]).toEqual([200, {}]);
    expect(emu.events()).toMatchObject([{ valid: true, payload: { event: 'Order Completed' } }]);
  });

  it('accepts text/plain, as the browser and mobile SDKs send', async () => {
    await request(emu.url).post('/v1/t').set('Content-Type', 'text/plain').send(json).expect(200, {});
    expect(only(emu.events())).toMatchObject({ valid: true, writeKey: KEY });
  });

  it('accepts a body without Content-Type', async () => {
    const res = await postRaw('/v1/track', Buffer.from(json), {});
    expect([res.status, res.body]).toEqual([200, {}]);
    expect(only(emu.events())).toMatchObject({ valid: true, writeKey: KEY });
  });

  it('accepts gzip, as analytics-kotlin uploads a batch', async () => {
    const body = gzipSync(
      JSON.stringify({ writeKey: KEY, sentAt: new Date().toISOString(), batch: [{ type: 'track', ...VALID.track }] }),
    );
    await request(emu.url)
      .post('/v1/b')
      .set('Content-Type', 'text/plain')
      .set('Content-Encoding', 'gzip')
      .send(body)
      .expect(200, {});
    expect(only(emu.events())).toMatchObject({ type: 'track', valid: true, writeKey: KEY });
  });

  it.each([
    ['invalid JSON', 'application/json', undefined, Buffer.from('{"userId":'), /Invalid JSON/],
    ['an empty body', 'application/json', undefined, Buffer.alloc(0), /Empty body/],
    ['a JSON array', 'application/json', undefined, Buffer.from('[]'), /JSON object/],
    ['a form body', 'application/x-www-form-urlencoded', undefined, Buffer.from('userId=u'), /Content-Type/],
    ['broken gzip', 'application/json', 'gzip', Buffer.from('not gzip at all'), undefined],
  ] as const)('answers 400 for %s in both modes and journals nothing', async (_name, type, encoding, body, match) => {
    for (const strict of [false, true]) {
      const headers: Record<string, string> = { authorization: basic(KEY), 'content-type': type };
      if (encoding) headers['content-encoding'] = encoding;
      if (strict) headers['x-strict-mode'] = '1';
      expectPipelinesError(await postRaw('/v1/track', body, headers), 400, match);
    }
    expect(emu.events()).toHaveLength(0);
  });

  it.each([
    ['no batch key', { items: [] }],
    ['a batch object', { batch: { type: 'track' } }],
  ])('answers 400 for a /batch body with %s', async (_name, body) => {
    expectPipelinesError(await post('/v1/batch', body), 400, /batch: must be an array/);
    expect(emu.events()).toHaveLength(0);
  });
});
