import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/index.js';
import { basic, expectPipelinesError, startTestEmulator } from '../helpers/emulator.js';

const KEY = 'validation-key';

let emu: Emulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function post(target: Emulator, path: string, body: object, strict: boolean): request.Test {
  const req = request(target.url).post(path).set('Authorization', basic(KEY));
  return strict ? req.set('X-Strict-Mode', '1').send(body) : req.send(body);
}

/** [name, path, body, errors the record must hold, lines strict `meta.errors` must hold] */
const INVALID: [string, string, object, { path: string; message: RegExp }[], RegExp[]][] = [
  [
    'identify without ids',
    '/v1/identify',
    { traits: { email: 'a@b.c' } },
    [{ path: '', message: /userId or anonymousId/ }],
    [/^must have userId or anonymousId$/],
  ],
  [
    'track without event',
    '/v1/track',
    { userId: 'u' },
    [{ path: '/event', message: /required property 'event'/ }],
    [/^\/event: /],
  ],
  [
    'track without any id',
    '/v1/t',
    { event: 'E' },
    [{ path: '', message: /userId, anonymousId or groupId/ }],
    [/userId, anonymousId or groupId/],
  ],
  [
    'alias without previousId',
    '/v1/alias',
    { userId: 'u' },
    [{ path: '/previousId', message: /required/ }],
    [/^\/previousId: /],
  ],
  ['group without groupId', '/v1/g', { userId: 'u' }, [{ path: '/groupId', message: /required/ }], [/^\/groupId: /]],
  [
    'page with a bad timestamp',
    '/v1/page',
    { userId: 'u', timestamp: 'yesterday' },
    [{ path: '/timestamp', message: /date-time/ }],
    [/^\/timestamp: /],
  ],
  [
    'page with a bad sentAt',
    '/v1/p',
    { userId: 'u', sentAt: 'now' },
    [{ path: '/sentAt', message: /date-time/ }],
    [/^\/sentAt: /],
  ],
  [
    'screen with a non-object properties',
    '/v1/s',
    { userId: 'u', properties: 'x' },
    [{ path: '/properties', message: /object/ }],
    [/^\/properties: /],
  ],
  [
    'identify with a numeric email',
    '/v1/i',
    { userId: 'u', traits: { email: 5 } },
    [{ path: '/traits/email', message: /string/ }],
    [/^\/traits\/email: /],
  ],
  [
    'a bad context.channel',
    '/v1/track',
    { userId: 'u', event: 'E', context: { channel: 'tv' } },
    [{ path: '/context/channel', message: /browser/ }],
    [/^\/context\/channel: /],
  ],
  [
    'Device Created or Updated without a device token',
    '/v1/track',
    { userId: 'u', event: 'Device Created or Updated', context: { device: { type: 'ios' } } },
    [{ path: '/context/device/token', message: /required/ }],
    [/^\/context\/device\/token: /],
  ],
  [
    'User Deleted without userId',
    '/v1/track',
    { anonymousId: 'a', event: 'User Deleted' },
    [{ path: '/userId', message: /required/ }],
    [/^\/userId: /],
  ],
  [
    'a batch item of unknown type',
    '/v1/batch',
    { batch: [{ type: 'purchase', userId: 'u' }] },
    [{ path: '/type', message: /one of/ }],
    [/^\/batch\/0\/type: /],
  ],
  [
    'a batch item that is not an object',
    '/v1/b',
    { batch: [42] },
    [{ path: '', message: /must be an event object/ }],
    [/^\/batch\/0: must be an event object/],
  ],
];

describe.each([
  ['permissive', false],
  ['strict', true],
])('invalid events, %s', (_mode, strict) => {
  it.each(INVALID)('%s', async (_name, path, body, errors, lines) => {
    const res = await post(emu, path, body, strict);
    if (strict) {
      expectPipelinesError(res, 400);
      const sent = (res.body as { meta: { errors: string[] } }).meta.errors;
      for (const line of lines) expect(sent).toContainEqual(expect.stringMatching(line));
    } else {
      expect([res.status, res.body]).toEqual([200, {}]);
    }
    const [record, ...rest] = emu.events();
    expect(rest).toHaveLength(0);
    expect(record).toMatchObject({ api: 'pipelines', valid: false, writeKey: KEY });
    for (const error of errors) {
      expect(record!.errors).toContainEqual({ path: error.path, message: expect.stringMatching(error.message) });
    }
    // Each problem is reported once, where the client put it (no echo at a derived field).
    expect(record!.errors.map((e) => e.path).sort()).toEqual(errors.map((e) => e.path).sort());
  });
});

describe('valid semantic events', () => {
  it.each([
    [
      'Device Created or Updated',
      { userId: 'u', event: 'Device Created or Updated', context: { device: { token: 'tok', type: 'android' } } },
    ],
    ['Device Deleted', { userId: 'u', event: 'Device Deleted', context: { device: { token: 'tok' } } }],
    ['User Deleted', { userId: 'u', event: 'User Deleted' }],
  ])('%s with its required fields is valid in strict mode', async (_name, body) => {
    await post(emu, '/v1/track', body, true).expect(200, {});
    expect(emu.events()).toMatchObject([{ valid: true, errors: [] }]);
  });
});

describe('one invalid item in a batch', () => {
  const batch = {
    batch: [
      { type: 'track', userId: 'u', event: 'Good' },
      { type: 'track', userId: 'u' },
    ],
  };

  it('permissive: the valid item stays valid', async () => {
    await post(emu, '/v1/batch', batch, false).expect(200, {});
    expect(emu.events().map((r) => r.valid)).toEqual([true, false]);
  });

  it('strict: answers 400 naming the item, and the valid item is journaled as not applied', async () => {
    const res = await post(emu, '/v1/batch', batch, true);
    expectPipelinesError(res, 400, /^\/batch\/1\/event: /);
    const [good, bad] = emu.events();
    expect(good).toMatchObject({
      valid: false,
      errors: [{ path: '', message: expect.stringMatching(/strict mode refused/) }],
    });
    expect(bad).toMatchObject({ valid: false, errors: [{ path: '/event' }] });
  });

  it('the strict option behaves as the header does', async () => {
    const strictEmu = await startTestEmulator({ strict: true });
    try {
      expectPipelinesError(await post(strictEmu, '/v1/batch', batch, false), 400, /\/batch\/1\/event/);
    } finally {
      await strictEmu.close();
    }
  });
});

describe('size limits (maxEventBytes 200, maxRequestBytes 1000)', () => {
  let small: Emulator;
  beforeAll(async () => {
    small = await startTestEmulator({ maxEventBytes: 200, maxRequestBytes: 1000 });
  });
  afterAll(() => small.close());
  beforeEach(() => small.reset());

  /** A track event whose JSON is exactly `bytes` long. */
  const event = (bytes: number): Record<string, string> => {
    const base = { type: 'track', userId: 'u', event: 'E', pad: '' };
    return { ...base, pad: 'x'.repeat(bytes - JSON.stringify(base).length) };
  };

  it('an event at the limit is valid', async () => {
    expect(JSON.stringify(event(200)).length).toBe(200);
    await post(small, '/v1/track', event(200), true).expect(200);
    expect(small.events()).toMatchObject([{ valid: true }]);
  });

  it.each([
    ['permissive', false],
    ['strict', true],
  ])('%s: an event over maxEventBytes is journaled invalid', async (_mode, strict) => {
    const res = await post(small, '/v1/track', event(201), strict);
    if (strict) expectPipelinesError(res, 400, /201 bytes, over the 200-byte limit/);
    else expect([res.status, res.body]).toEqual([200, {}]);
    expect(small.events()).toMatchObject([
      { valid: false, errors: [{ path: '', message: expect.stringMatching(/Event is 201 bytes/) }] },
    ]);
  });

  it.each([
    ['permissive', false],
    ['strict', true],
  ])('%s: a request over maxRequestBytes has every item journaled invalid', async (_mode, strict) => {
    const body = { batch: Array.from({ length: 6 }, () => event(190)) };
    const bytes = Buffer.byteLength(JSON.stringify(body));
    expect(bytes).toBeGreaterThan(1000);
    const res = await post(small, '/v1/batch', body, strict);
    if (strict) expectPipelinesError(res, 400, /over the 1000-byte limit/);
    else expect([res.status, res.body]).toEqual([200, {}]);
    const records = small.events();
    expect(records).toHaveLength(6);
    for (const r of records) {
      expect(r.valid).toBe(false);
      expect(r.errors).toContainEqual({ path: '', message: `Request is ${bytes} bytes, over the 1000-byte limit` });
    }
  });

  it('a request too large to buffer at all is 400 in both modes', async () => {
    const body = { batch: [event(190)], padding: 'x'.repeat(1024 * 1024) };
    for (const strict of [false, true]) expectPipelinesError(await post(small, '/v1/batch', body, strict), 400);
    expect(small.events()).toHaveLength(0);
  });

  it('the default limit is 32 KB per event', async () => {
    await post(
      emu,
      '/v1/track',
      { userId: 'u', event: 'E', properties: { blob: 'x'.repeat(32 * 1024) } },
      false,
    ).expect(200, {});
    expect(emu.events()).toMatchObject([
      { valid: false, errors: [{ message: expect.stringMatching(/over the 32768-byte limit/) }] },
    ]);
  });

  it('the default limits accept an event just under 32 KB', async () => {
    await post(
      emu,
      '/v1/track',
      { userId: 'u', event: 'E', properties: { blob: 'x'.repeat(32 * 1024 - 100) } },
      true,
    ).expect(200);
    expect(emu.events()).toMatchObject([{ valid: true }]);
  });
});
