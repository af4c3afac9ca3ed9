import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import { basic, startTestEmulator } from '../../helpers/emulator.js';
import { bearer, expectAppError, trackAuth } from '../../helpers/customerio.js';

const KEY = 'app-key';

let emu: Emulator;
let cioId: string;
let cioObjectId: string;

/** One workspace, written once through the Track API: Ada (id, email, device, relationship, events). */
beforeAll(async () => {
  emu = await startTestEmulator();
  const entity = (body: object) =>
    request(emu.url).post('/api/v2/entity').set('Authorization', trackAuth(KEY)).send(body).expect(200);
  await entity({
    type: 'person',
    identifiers: { id: 'ada' },
    action: 'identify',
    attributes: { email: 'Ada@Example.com', plan: 'pro' },
  });
  await entity({
    type: 'person',
    identifiers: { id: 'ada' },
    action: 'add_device',
    device: { token: 'tok', platform: 'ios', last_used: 1700000000 },
  });
  for (const name of ['One', 'Two', 'Three'])
    await entity({ type: 'person', identifiers: { id: 'ada' }, action: 'event', name });
  await entity({
    type: 'object',
    action: 'identify',
    identifiers: { object_type_id: '1', object_id: 'acme' },
    attributes: { name: 'Acme' },
    cio_relationships: [{ identifiers: { id: 'ada' }, relationship_attributes: { role: 'admin' } }],
  });
  await entity({ type: 'person', identifiers: { id: 'bob' }, action: 'identify', attributes: {} });
  const ws = emu.state().workspaces![KEY]!;
  cioId = Object.values(ws.people).find((p) => p.id === 'ada')!.cio_id;
  cioObjectId = ws.objects['1']!.acme!.cio_object_id;
});
afterAll(() => emu.close());

function get(path: string, key: string | null = KEY): request.Test {
  const req = request(emu.url).get(path);
  return key === null ? req : req.set('Authorization', bearer(key));
}

describe('reads', () => {
  it('GET /v1/customers?email= finds people by email, whatever its case', async () => {
    const res = await get('/v1/customers?email=ada%40example.com').expect(200);
    expect(res.body).toEqual({ results: [{ email: 'Ada@Example.com', id: 'ada', cio_id: cioId }] });
    expect((await get('/v1/customers?email=nobody%40example.com').expect(200)).body).toEqual({ results: [] });
  });

  it.each([
    ['id', 'ada'],
    ['email', 'ada%40example.com'],
    ['cio_id', 'CIO'],
    ['cio_id', 'cio_CIO'],
  ])('GET /v1/customers/{id}/attributes?id_type=%s', async (idType, value) => {
    const res = await get(`/v1/customers/${value.replace('CIO', cioId)}/attributes?id_type=${idType}`).expect(200);
    expect(res.body.customer).toMatchObject({
      id: 'ada',
      identifiers: { id: 'ada', email: 'Ada@Example.com', cio_id: cioId },
      attributes: { id: 'ada', email: 'Ada@Example.com', cio_id: cioId, plan: 'pro' },
      unsubscribed: false,
      devices: [{ id: 'tok', platform: 'ios', last_used: 1700000000, attributes: {} }],
    });
  });

  it('GET /v1/customers/{id}/activities filters by type and name and pages with start/limit', async () => {
    const events = await get('/v1/customers/ada/activities?type=event&limit=2').expect(200);
    expect(events.body.activities.map((a: { name: string }) => a.name)).toEqual(['Three', 'Two']);
    const next = await get(
      `/v1/customers/ada/activities?type=event&limit=2&start=${events.body.next as string}`,
    ).expect(200);
    expect([next.body.activities.map((a: { name: string }) => a.name), next.body.next]).toEqual([['One'], '']);
    const named = await get('/v1/customers/ada/activities?name=plan').expect(200);
    expect(named.body.activities).toMatchObject([
      { type: 'attribute_change', data: { plan: { from: null, to: 'pro' } } },
    ]);
  });

  it('GET /v1/customers/{id}/relationships', async () => {
    const res = await get('/v1/customers/ada/relationships').expect(200);
    expect(res.body).toEqual({
      cio_relationships: [
        {
          object_type_id: 1,
          identifiers: { object_id: 'acme', cio_object_id: cioObjectId },
          attributes: { role: 'admin' },
        },
      ],
      next: '',
    });
  });

  it('POST /v1/customers/attributes returns the people found and omits the others', async () => {
    const res = await request(emu.url)
      .post('/v1/customers/attributes')
      .set('Authorization', bearer(KEY))
      .send({ ids: ['bob', 'nobody', 'ada'] })
      .expect(200);
    expect(res.body.customers.map((c: { customer: { id: string } }) => c.customer.id)).toEqual(['bob', 'ada']);
    const byEmail = await request(emu.url)
      .post('/v1/customers/attributes?id_type=email')
      .set('Authorization', bearer(KEY))
      .send({ ids: ['ada@example.com'] });
    expect(byEmail.body.customers).toMatchObject([{ customer: { id: 'ada' } }]);
  });

  it.each([
    ['object_id', 'acme'],
    ['cio_object_id', 'OBJ'],
  ])('GET /v1/objects/{type}/{id}/attributes and relationships by %s', async (idType, value) => {
    const path = `/v1/objects/1/${value.replace('OBJ', cioObjectId)}`;
    const attrs = await get(`${path}/attributes?id_type=${idType}`).expect(200);
    expect(attrs.body).toEqual({
      object: {
        attributes: { name: 'Acme' },
        timestamps: { name: expect.any(Number) as unknown },
        identifiers: { object_id: 'acme', cio_object_id: cioObjectId },
        object_type_id: '1',
      },
    });
    const related = await get(`${path}/relationships?id_type=${idType}`).expect(200);
    expect(related.body).toEqual({
      cio_relationships: [
        {
          identifiers: { cio_id: cioId, id: 'ada', email: 'Ada@Example.com' },
          object_type_id: '1',
          object_type_disabled: false,
          relationship_attributes: { role: 'admin' },
        },
      ],
      next: '',
    });
  });

  it('another key reads another workspace', async () => {
    expectAppError(await get('/v1/customers/ada/attributes', 'other-key'), 404, /no customer has id "ada"/);
    expect((await get('/v1/customers?email=ada%40example.com', 'other-key')).body).toEqual({ results: [] });
  });
});

describe('errors are {"errors":[{"detail","status"}]}', () => {
  it.each([
    ['unknown person', '/v1/customers/nobody/attributes', 404, /no customer has id "nobody"/],
    [
      'unknown person by email',
      '/v1/customers/nobody%40example.com/attributes?id_type=email',
      404,
      /no customer has email/,
    ],
    ['unknown person (activities)', '/v1/customers/nobody/activities', 404, /no customer/],
    ['unknown person (relationships)', '/v1/customers/nobody/relationships', 404, /no customer/],
    ['unknown object', '/v1/objects/1/globex/attributes', 404, /no object of type 1 has object_id "globex"/],
    ['unknown object type', '/v1/objects/2/acme/relationships', 404, /no object of type 2/],
    ['phone id_type', '/v1/customers/%2B1555/attributes?id_type=phone', 400, /id_type must be one of/],
    [
      'bad object id_type',
      '/v1/objects/1/acme/attributes?id_type=id',
      400,
      /id_type must be one of object_id, cio_object_id/,
    ],
    ['bad limit', '/v1/customers/ada/activities?limit=ten', 400, /limit must be a positive integer/],
    ['no email', '/v1/customers', 400, /email is required/],
  ])('%s: %s', async (_name, path, status, match) => {
    expectAppError(await get(path), status, match);
  });

  it.each([
    ['no ids', {}, /ids must have required property/],
    ['too many ids', { ids: Array.from({ length: 101 }, (_, i) => `u${i}`) }, /must NOT have more than 100 items/],
  ])('POST /v1/customers/attributes: %s → 400', async (_name, body, match) => {
    const res = await request(emu.url).post('/v1/customers/attributes').set('Authorization', bearer(KEY)).send(body);
    expectAppError(res, 400, match);
  });

  it.each([
    ['no header', null],
    ['Basic credentials', basic(KEY)],
  ])('401 with %s', async (_name, auth) => {
    for (const path of [
      '/v1/customers?email=a%40b.co',
      '/v1/customers/ada/attributes',
      '/v1/objects/1/acme/attributes',
    ]) {
      const req = request(emu.url).get(path);
      expectAppError(await (auth === null ? req : req.set('Authorization', auth)), 401, /Unauthorized request/);
    }
  });

  it('leaves the Data Pipelines routes under /v1 alone', async () => {
    const res = await request(emu.url)
      .post('/v1/track')
      .set('Authorization', basic(KEY))
      .send({ userId: 'ada', event: 'Shared Path' });
    expect([res.status, res.body]).toEqual([200, {}]);
    expect((await request(emu.url).get(`/v1/projects/${KEY}/settings`)).status).toBe(200);
  });
});
