import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import { startTestEmulator } from '../../helpers/emulator.js';
import { bearer, expectMergeError, expectV1Error, trackAuth } from '../../helpers/customerio.js';

const SITE = 'track-site';

let emu: Emulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

type Method = 'put' | 'post' | 'delete' | 'get';

/** A Track API request with `site`'s credentials (`null`: no Authorization header). */
function track(method: Method, path: string, body?: unknown, auth: string | null = trackAuth(SITE)): request.Test {
  const req = request(emu.url)[method](path);
  if (auth !== null) req.set('Authorization', auth);
  return body === undefined ? req : req.send(body as object);
}

/** The App API's view of the same workspace (its key is the site id). */
async function app(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await request(emu.url).get(`/v1${path}`).set('Authorization', bearer(SITE));
  return { status: res.status, body: res.body as Record<string, unknown> };
}

async function attributes(id: string, idType = 'id'): Promise<Record<string, string> | undefined> {
  const res = await app(`/customers/${encodeURIComponent(id)}/attributes?id_type=${idType}`);
  return res.status === 200
    ? (res.body as { customer: { attributes: Record<string, string> } }).customer.attributes
    : undefined;
}

async function activityTypes(id: string): Promise<string[]> {
  const res = await app(`/customers/${id}/activities?limit=50`);
  return (res.body as { activities: { type: string; name?: string }[] }).activities.map(
    (a) => `${a.type}:${a.name ?? ''}`,
  );
}

describe('v1 writes answer 200 {} and change the workspace', () => {
  it('identify by id, by email and by cio_id', async () => {
    expect((await track('put', '/api/v1/customers/u1', { email: 'ada@example.com', plan: 'pro' })).body).toEqual({});
    expect(await attributes('u1')).toMatchObject({ id: 'u1', email: 'ada@example.com', plan: 'pro' });
    await track('put', '/api/v1/customers/bob%40example.com', { plan: 'free' }).expect(200, {});
    expect(await attributes('bob@example.com', 'email')).toMatchObject({ email: 'bob@example.com', plan: 'free' });
    const cioId = (await attributes('u1'))!.cio_id!;
    await track('put', `/api/v1/customers/cio_${cioId}`, { id: 'u1-renamed' }).expect(200, {});
    expect(await attributes('u1-renamed')).toMatchObject({ cio_id: cioId });
  });

  it('events, page views and screen views, with trimmed names and their data', async () => {
    await track('post', '/api/v1/customers/u1/events', { name: ' Order Completed ', data: { total: 3 } }).expect(
      200,
      {},
    );
    await track('post', '/api/v1/customers/u1/events', { name: '/pricing', type: 'page' }).expect(200, {});
    await track('post', '/api/v1/customers/u1/events', {
      name: 'Settings',
      type: 'screen',
      timestamp: 1700000000,
    }).expect(200, {});
    // Newest first, in the order they arrived; a given timestamp is the event's own time.
    expect(await activityTypes('u1')).toEqual([
      'screen:Settings',
      'page:/pricing',
      'event:Order Completed',
      'profile_create:',
    ]);
    const [screen] = (await app('/customers/u1/activities?type=screen')).body.activities as { timestamp: number }[];
    expect(screen!.timestamp).toBe(1700000000);
  });

  it('anonymous events are kept against their anonymous id', async () => {
    await track('post', '/api/v1/events', { anonymous_id: 'anon-1', name: 'Viewed', data: { a: 1 } }).expect(200, {});
    const ws = emu.state().workspaces![SITE]!;
    expect(ws.activities.map((a) => [a.type, a.name, a.anonymous_id])).toEqual([['event', 'Viewed', 'anon-1']]);
  });

  it('devices are added and deleted', async () => {
    await track('put', '/api/v1/customers/u1/devices', {
      device: { id: 'tok-1', platform: 'ios', last_used: 1700000000 },
    }).expect(200, {});
    const res = await app('/customers/u1/attributes');
    expect((res.body as { customer: { devices: unknown[] } }).customer.devices).toEqual([
      { id: 'tok-1', platform: 'ios', last_used: 1700000000, attributes: {} },
    ]);
    await track('delete', '/api/v1/customers/u1/devices/tok-1').expect(200, {});
    expect(
      ((await app('/customers/u1/attributes')).body as { customer: { devices: unknown[] } }).customer.devices,
    ).toEqual([]);
  });

  it('suppress deletes and blocks the id until unsuppressed; delete removes the person', async () => {
    await track('put', '/api/v1/customers/u1', { plan: 'pro' }).expect(200, {});
    await track('post', '/api/v1/customers/u1/suppress').expect(200, {});
    await track('put', '/api/v1/customers/u1', { plan: 'again' }).expect(200, {});
    expect(await attributes('u1')).toBeUndefined();
    await track('post', '/api/v1/customers/u1/unsuppress').expect(200, {});
    await track('put', '/api/v1/customers/u1', { plan: 'back' }).expect(200, {});
    expect(await attributes('u1')).toMatchObject({ plan: 'back' });
    await track('delete', '/api/v1/customers/u1').expect(200, {});
    expect(await attributes('u1')).toBeUndefined();
  });

  it('merge_customers folds the secondary into the primary', async () => {
    await track('put', '/api/v1/customers/primary', { plan: 'pro' }).expect(200);
    await track('put', '/api/v1/customers/secondary', { color: 'red' }).expect(200);
    await track('post', '/api/v1/merge_customers', {
      primary: { id: 'primary' },
      secondary: { id: 'secondary' },
    }).expect(200, {});
    expect(await attributes('primary')).toMatchObject({ plan: 'pro', color: 'red' });
    expect(await attributes('secondary')).toBeUndefined();
  });

  it('metrics become delivery activities', async () => {
    await track('post', '/api/v1/metrics', {
      delivery_id: 'd-1',
      metric: 'opened',
      recipient: 'ada@example.com',
    }).expect(200, {});
    const [activity] = emu.state().workspaces![SITE]!.activities;
    expect(activity).toMatchObject({ type: 'opened_email', delivery_id: 'd-1', delivery_type: 'email' });
  });

  it('GET /api/v1/accounts/region answers {url, region, environment_id}', async () => {
    const res = await track('get', '/api/v1/accounts/region').expect(200);
    expect(res.body).toEqual({ url: emu.url, region: 'us', environment_id: expect.any(Number) as unknown });
    const other = await track('get', '/api/v1/accounts/region', undefined, trackAuth('another-site')).expect(200);
    expect(Number.isInteger(res.body.environment_id) && other.body.environment_id !== res.body.environment_id).toBe(
      true,
    );
  });
});

describe('calls the model cannot carry out answer 200 {} and are journaled as problems', () => {
  it.each([
    ['delete of an unknown person', 'delete', '/api/v1/customers/nobody', undefined, 'person_not_found'],
    ['delete of an unknown device', 'delete', '/api/v1/customers/nobody/devices/tok', undefined, 'person_not_found'],
    [
      'merge without a primary',
      'post',
      '/api/v1/merge_customers',
      { primary: { id: 'a' }, secondary: { id: 'b' } },
      'primary_not_found',
    ],
    ['identify with _update of nobody', 'put', '/api/v1/customers/nobody', { _update: true }, 'person_not_found'],
  ] as [string, Method, string, unknown, string][])('%s', async (_name, method, path, body, code) => {
    await track(method, path, body).expect(200, {});
    const [record] = await emu.waitFor({ api: 'workspace', type: 'problem' });
    expect(record).toMatchObject({ valid: false, workspace: SITE, payload: { problems: [{ code }] } });
  });
});

describe('401 without Track API credentials', () => {
  const unauthorized = /Unauthorized request/;
  it.each([
    ['no header', null],
    ['a Bearer token', bearer(SITE)],
    ['no API key', `Basic ${Buffer.from(`${SITE}:`).toString('base64')}`],
    ['no site id', `Basic ${Buffer.from(':key').toString('base64')}`],
    ['not base64', 'Basic %%%'],
  ])('%s', async (_name, auth) => {
    expectV1Error(await track('put', '/api/v1/customers/u1', {}, auth), 401, unauthorized);
    expectV1Error(await track('get', '/api/v1/accounts/region', undefined, auth), 401, unauthorized);
    expectMergeError(await track('post', '/api/v1/merge_customers', {}, auth), 401, unauthorized);
    expect(emu.state().workspaces).toEqual({});
  });
});

describe('400 {"meta":{"errors":[…]}} for bodies Customer.io refuses', () => {
  const many = Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`a${i}`, i]));
  it.each([
    ['identify: numeric id', 'put', '/api/v1/customers/u1', { id: 5 }, /^id attribute must be a string value$/],
    ['identify: empty id', 'put', '/api/v1/customers/u1', { id: '' }, /^id attribute cannot be an empty string$/],
    [
      'identify: 301 attributes',
      'put',
      '/api/v1/customers/u1',
      many,
      /^cannot identify more than 300 attributes in one request$/,
    ],
    [
      'identify: long name',
      'put',
      '/api/v1/customers/u1',
      { ['n'.repeat(151)]: 1 },
      /^attribute name cannot be longer than 150 bytes$/,
    ],
    [
      'identify: long value',
      'put',
      '/api/v1/customers/u1',
      { bio: 'é'.repeat(501) },
      /^value for attribute 'bio' cannot be longer than 1000 bytes$/,
    ],
    ['identify: array body', 'put', '/api/v1/customers/u1', [1], /must be object/],
    ['event: no name', 'post', '/api/v1/customers/u1/events', { data: {} }, /^event name must not be blank$/],
    ['event: blank name', 'post', '/api/v1/customers/u1/events', { name: '   ' }, /^event name must not be blank$/],
    [
      'event: long name',
      'post',
      '/api/v1/customers/u1/events',
      { name: 'e'.repeat(101) },
      /^event name cannot be longer than 100 bytes$/,
    ],
    [
      'event: data not a hash',
      'post',
      '/api/v1/customers/u1/events',
      { name: 'e', data: '' },
      /^event data must be a hash$/,
    ],
    [
      'event: large data',
      'post',
      '/api/v1/customers/u1/events',
      { name: 'e', data: { x: 'x'.repeat(100_001) } },
      /^event data cannot be longer than 100000 bytes$/,
    ],
    [
      'event: bad type',
      'post',
      '/api/v1/customers/u1/events',
      { name: 'e', type: 'click' },
      /^type must be equal to one of/,
    ],
    ['anonymous event: no name', 'post', '/api/v1/events', { anonymous_id: 'a' }, /^event name must not be blank$/],
    ['device: missing', 'put', '/api/v1/customers/u1/devices', {}, /^device must have required property/],
    [
      'device: bad platform',
      'put',
      '/api/v1/customers/u1/devices',
      { device: { id: 't', platform: 'web' } },
      /^device\.platform must be equal/,
    ],
    [
      'metrics: no delivery_id',
      'post',
      '/api/v1/metrics',
      { metric: 'opened' },
      /^delivery_id must have required property/,
    ],
    ['malformed JSON', 'put', '/api/v1/customers/u1', '{"plan":', /Invalid JSON/],
  ] as [string, Method, string, unknown, RegExp][])('%s', async (_name, method, path, body, match) => {
    const req = track(method, path).set('Content-Type', 'application/json');
    expectV1Error(await req.send(typeof body === 'string' ? body : JSON.stringify(body)), 400, match);
    expect(emu.state().workspaces).toEqual({});
  });

  it.each([
    [
      'two identifiers',
      { primary: { id: 'a', email: 'a@example.com' }, secondary: { id: 'b' } },
      /^primary must have exactly one of id, email or cio_id/,
    ],
    ['no secondary', { primary: { id: 'a' } }, /^secondary must have required property/],
    ['malformed JSON', '{', /Invalid JSON/],
  ])('merge_customers: %s is {"meta":{"error":"…"}}', async (_name, body, match) => {
    const req = track('post', '/api/v1/merge_customers').set('Content-Type', 'application/json');
    expectMergeError(await req.send(typeof body === 'string' ? body : JSON.stringify(body)), 400, match);
  });
});
