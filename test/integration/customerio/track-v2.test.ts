import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import { startTestEmulator } from '../../helpers/emulator.js';
import { bearer, expectV2Error, trackAuth } from '../../helpers/customerio.js';

const SITE = 'v2-site';

let emu: Emulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function post(path: string, body: unknown, auth: string | null = trackAuth(SITE)): request.Test {
  const req = request(emu.url).post(path).set('Content-Type', 'application/json');
  if (auth !== null) req.set('Authorization', auth);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
}

async function app(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await request(emu.url).get(`/v1${path}`).set('Authorization', bearer(SITE));
  return { status: res.status, body: res.body as Record<string, unknown> };
}

const person = (action: string, fields: object = {}) => ({
  type: 'person',
  identifiers: { id: 'u1' },
  action,
  ...fields,
});
const acme = { object_type_id: '1', object_id: 'acme' };

describe('POST /api/v2/entity applies each action and answers 200 {}', () => {
  it('person identify with relationships, then event, page, screen, device and relationship actions', async () => {
    const steps = [
      person('identify', {
        attributes: { plan: 'pro' },
        cio_relationships: [{ identifiers: acme, relationship_attributes: { role: 'admin' } }],
      }),
      person('event', { name: 'Order Completed', id: '01HZZZZZZZZZZZZZZZZZZZZZZZ', attributes: { total: 3 } }),
      person('page', { name: 'https://example.com/' }),
      person('screen', { name: 'Home' }),
      person('add_device', { device: { token: 'tok', platform: 'android', attributes: { app_version: '1.2' } } }),
      person('delete_relationships', { cio_relationships: [{ identifiers: acme }] }),
      person('add_relationships', {
        cio_relationships: [{ identifiers: acme, relationship_attributes: { role: 'viewer' } }],
      }),
    ];
    for (const step of steps) await post('/api/v2/entity', step).expect(200, {});
    const { body } = await app('/customers/u1/attributes');
    expect(body).toMatchObject({
      customer: { attributes: { plan: 'pro' }, devices: [{ id: 'tok', platform: 'android' }] },
    });
    const types = ((await app('/customers/u1/activities?limit=20')).body.activities as { type: string }[]).map(
      (a) => a.type,
    );
    expect(types.slice(0, 5)).toEqual(['add_relationship', 'delete_relationship', 'device_change', 'screen', 'page']);
    expect((await app('/customers/u1/relationships')).body.cio_relationships).toEqual([
      {
        object_type_id: 1,
        identifiers: { object_id: 'acme', cio_object_id: expect.any(String) as unknown },
        attributes: { role: 'viewer' },
      },
    ]);
  });

  it('object identify, identify_anonymous, relationships and delete', async () => {
    await post('/api/v2/entity', {
      type: 'object',
      action: 'identify',
      identifiers: acme,
      attributes: { name: 'Acme' },
      cio_relationships: [{ identifiers: { id: 'u1' } }],
    }).expect(200, {});
    expect((await app('/objects/1/acme/attributes')).body).toMatchObject({ object: { attributes: { name: 'Acme' } } });
    expect((await app('/objects/1/acme/relationships')).body.cio_relationships).toMatchObject([
      { identifiers: { id: 'u1' } },
    ]);
    await post('/api/v2/entity', {
      type: 'object',
      action: 'delete_relationships',
      identifiers: acme,
      cio_relationships: [{ identifiers: { id: 'u1' } }],
    }).expect(200, {});
    expect((await app('/objects/1/acme/relationships')).body.cio_relationships).toEqual([]);
    await post('/api/v2/entity', {
      type: 'object',
      action: 'identify_anonymous',
      identifiers: acme,
      cio_relationships: [{ identifiers: { anonymous_id: 'anon' } }],
    }).expect(200, {});
    expect(emu.state().workspaces![SITE]!.relationships).toMatchObject([{ anonymous_id: 'anon', cio_id: null }]);
    await post('/api/v2/entity', { type: 'object', action: 'delete', identifiers: acme }).expect(200, {});
    expect((await app('/objects/1/acme/attributes')).status).toBe(404);
  });

  it('merge, suppress, unsuppress, delete_device, delete and a delivery event', async () => {
    await post('/api/v2/entity', person('identify', { attributes: { a: 1 } })).expect(200);
    await post('/api/v2/entity', {
      type: 'person',
      identifiers: { id: 'u2' },
      action: 'identify',
      attributes: { b: 2 },
    }).expect(200);
    await post('/api/v2/entity', {
      type: 'person',
      action: 'merge',
      primary: { id: 'u1' },
      secondary: { id: 'u2' },
    }).expect(200, {});
    expect((await app('/customers/u1/attributes')).body).toMatchObject({
      customer: { attributes: { a: '1', b: '2' } },
    });
    expect((await app('/customers/u2/attributes')).status).toBe(404);
    await post('/api/v2/entity', person('suppress')).expect(200, {});
    expect(emu.state().workspaces![SITE]!.suppressed.id).toEqual({ u1: true });
    await post('/api/v2/entity', person('unsuppress')).expect(200, {});
    await post('/api/v2/entity', person('add_device', { device: { token: 't', platform: 'ios' } })).expect(200);
    await post('/api/v2/entity', person('delete_device', { device: { token: 't' } })).expect(200, {});
    await post('/api/v2/entity', {
      type: 'delivery',
      action: 'event',
      identifiers: { id: 'dlv' },
      name: 'opened',
      attributes: { device_token: 't' },
    }).expect(200, {});
    await post('/api/v2/entity', person('delete')).expect(200, {});
    const log = emu.state().workspaces![SITE]!.activities.map((a) => a.type);
    expect(log.slice(-2)).toEqual(['opened_push', 'profile_delete']);
    expect((await app('/customers/u1/attributes')).status).toBe(404);
  });
});

describe('POST /api/v2/batch', () => {
  it('applies every item in order and answers 200 {}', async () => {
    const batch = [person('identify', { attributes: { plan: 'pro' } }), person('event', { name: 'Signed Up' })];
    await post('/api/v2/batch', { batch }).expect(200, {});
    const types = ((await app('/customers/u1/activities')).body.activities as { type: string }[]).map((a) => a.type);
    expect(types).toEqual(['event', 'attribute_change', 'profile_create']);
  });

  it('answers 207 with the refused items and applies the others', async () => {
    const batch = [
      person('event'),
      person('identify', { attributes: { plan: 'pro' } }),
      { type: 'person', action: 'fly' },
    ];
    const res = await post('/api/v2/batch', { batch }).expect(207);
    expect(res.body).toEqual({
      errors: [
        { batch_index: 0, reason: 'invalid', field: 'name', message: "must have required property 'name'" },
        { batch_index: 2, reason: 'invalid', field: '', message: 'value of tag "action" must be in oneOf' },
      ],
    });
    expect((await app('/customers/u1/attributes')).body).toMatchObject({ customer: { attributes: { plan: 'pro' } } });
  });

  it('refuses an item over 32kb by its index', async () => {
    const big = person('identify', {
      attributes: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'x'.repeat(900)])),
    });
    const res = await post('/api/v2/batch', { batch: [big] }).expect(207);
    expect(res.body).toMatchObject({ errors: [{ batch_index: 0, reason: 'too_large' }] });
  });
});

describe('errors are {"errors":[{reason, field, message}]}', () => {
  it.each([
    ['entity: no type', '/api/v2/entity', { action: 'identify' }, /must have required property 'type'/],
    [
      'entity: unknown type',
      '/api/v2/entity',
      { type: 'account', action: 'identify' },
      /value of tag "type" must be in oneOf/,
    ],
    [
      'entity: two identifiers',
      '/api/v2/entity',
      person('delete', { identifiers: { id: 'a', email: 'a@example.com' } }),
      /must have exactly one of id, email or cio_id/,
    ],
    [
      'entity: phone identifier',
      '/api/v2/entity',
      person('delete', { identifiers: { phone: '+14155552671' } }),
      /must have exactly one of id, email or cio_id/,
    ],
    [
      'entity: bad device platform',
      '/api/v2/entity',
      person('add_device', { device: { token: 't', platform: 'web' } }),
      /must be equal to one of the allowed values/,
    ],
    ['entity: blank event name', '/api/v2/entity', person('event', { name: '  ' }), /^event name must not be blank$/],
    [
      'entity: long attribute name',
      '/api/v2/entity',
      person('identify', { attributes: { ['n'.repeat(151)]: 1 } }),
      /attribute name cannot be longer than 150 bytes/,
    ],
    ['entity: over 32kb', '/api/v2/entity', person('identify', { attributes: { bio: 'x'.repeat(33 * 1024) } }), /32kb/],
    ['entity: malformed JSON', '/api/v2/entity', '{"type":', /Invalid JSON/],
    ['batch: no batch', '/api/v2/batch', { items: [] }, /must have required property 'batch'/],
    ['batch: empty', '/api/v2/batch', { batch: [] }, /must NOT have fewer than 1 items/],
    [
      'batch: over 500kb',
      '/api/v2/batch',
      { batch: Array.from({ length: 20 }, () => person('identify', { attributes: { bio: 'x'.repeat(30_000) } })) },
      /500kb/,
    ],
  ])('%s → 400', async (_name, path, body, match) => {
    expectV2Error(await post(path, body), 400, match);
    expect(emu.state().workspaces).toEqual({});
  });

  it('401 without credentials, in the same envelope', async () => {
    expectV2Error(await post('/api/v2/entity', person('delete'), null), 401, /Unauthorized request/);
    expectV2Error(await post('/api/v2/batch', { batch: [] }, bearer(SITE)), 401, /Unauthorized request/);
  });
});
