import { Analytics } from '@customerio/cdp-analytics-node';
import { CustomerIORequestError, IdentifierType, type APIClient } from 'customerio-node';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator, StartOptions } from '../../src/index.js';
import { apiClient, apiGet, trackClient } from '../helpers/customerio-node.js';
import { startTestEmulator } from '../helpers/emulator.js';

// The real customerio-node 4.4 clients, unmodified, against the emulator: writes with TrackClient
// (or the Data Pipelines SDK), reads back with APIClient (reference §4).

type Attributes = { customer: { id: string | null; attributes: Record<string, string>; devices: { id: string }[] } };
type Activities = { activities: { type: string; name?: string; data: Record<string, unknown> }[] };

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function start(options: StartOptions = {}): Promise<Emulator> {
  emu = await startTestEmulator(options);
  return emu;
}

/** What the App API answers for a person: attributes, or the client's error for a 404. */
async function attributesOf(
  api: APIClient,
  id: string,
  idType = IdentifierType.Id,
): Promise<Attributes['customer'] | 404> {
  try {
    return ((await api.getAttributes(id, idType)) as Attributes).customer;
  } catch (error) {
    if (error instanceof CustomerIORequestError && error.statusCode === 404) return 404;
    throw error;
  }
}

async function activityNames(api: APIClient, id: string): Promise<string[]> {
  const { activities } = (await apiGet(api, `/customers/${id}/activities?limit=50`)) as Activities;
  return activities.map((a) => `${a.type}:${a.name ?? ''}`);
}

/** Sends with @customerio/cdp-analytics-node and waits until the emulator has every event. */
async function viaDataPipelines(emu: Emulator, writeKey: string, send: (analytics: Analytics) => void): Promise<void> {
  const analytics = new Analytics({ writeKey, host: emu.url, flushInterval: 60_000, maxRetries: 1 });
  send(analytics);
  await analytics.closeAndFlush({ timeout: 5_000 });
}

describe('Data Pipelines in, App API out', () => {
  it('shows what the destination did with identify, track, page, group, alias and a device event', async () => {
    const emu = await start();
    const KEY = 'one-key';
    await viaDataPipelines(emu, KEY, (a) => {
      a.identify({ userId: 'old-id', traits: { color: 'red' } });
      a.identify({ userId: 'u1', traits: { email: 'ada@example.com', name: 'Ada', plan: 'pro' } });
      a.track({ userId: 'u1', event: 'Order Completed', properties: { total: 42 } });
      a.page({ userId: 'u1', name: 'Pricing', properties: { url: 'https://example.com/pricing' } });
      a.group({
        userId: 'u1',
        groupId: 'acme',
        traits: { name: 'Acme', object_type_id: '1', relationshipAttributes: { role: 'admin' } },
      });
      a.alias({ userId: 'u1', previousId: 'old-id' });
      a.track({
        userId: 'u1',
        event: 'Application Installed',
        context: { device: { token: 'apns-token', type: 'ios' } },
      });
    });
    await emu.waitFor({ type: 'track', event: 'Application Installed' });

    const api = apiClient(emu.url, KEY);
    expect(await api.getCustomersByEmail('ada@example.com')).toEqual({
      results: [{ email: 'ada@example.com', id: 'u1', cio_id: expect.any(String) as unknown }],
    });
    const ada = await attributesOf(api, 'ada@example.com', IdentifierType.Email);
    expect(ada).toMatchObject({
      id: 'u1',
      attributes: { name: 'Ada', plan: 'pro', color: 'red' },
      devices: [{ id: 'apns-token', platform: 'ios' }],
    });
    expect(await attributesOf(api, 'old-id')).toBe(404);
    const names = await activityNames(api, 'u1');
    expect(names).toEqual(
      expect.arrayContaining([
        'event:Order Completed',
        'page:https://example.com/pricing',
        'profile_merge:',
        'add_relationship:',
      ]),
    );
    expect(await apiGet(api, '/customers/u1/relationships')).toMatchObject({
      cio_relationships: [{ object_type_id: 1, identifiers: { object_id: 'acme' }, attributes: { role: 'admin' } }],
    });
    expect(await apiGet(api, '/objects/1/acme/attributes')).toMatchObject({
      object: { attributes: { name: 'Acme' }, object_type_id: '1' },
    });
  });
});

describe('TrackClient in, APIClient out', () => {
  it('identify, track, trackAnonymous, trackPageView and devices', async () => {
    const emu = await start();
    const track = trackClient(emu.url, 'site-a');
    const api = apiClient(emu.url, 'site-a');
    expect(await track.identify('u1', { email: 'u1@example.com', plan: 'pro', anonymous_id: 'anon-1' })).toEqual({});
    await track.trackAnonymous('anon-1', { name: 'Viewed Pricing', data: { source: 'ad' } });
    await track.track('u1', { name: 'Order Completed', data: { total: 42 } });
    await track.trackPageView('u1', '/checkout');
    await track.addDevice('u1', 'device-1', 'android', { last_used: 1700000000, app_version: '2.0' });
    await track.addDevice('u1', 'device-2', 'ios');
    await track.deleteDevice('u1', 'device-2');

    expect(await attributesOf(api, 'u1')).toMatchObject({
      attributes: { email: 'u1@example.com', plan: 'pro' },
      devices: [{ id: 'device-1', platform: 'android', last_used: 1700000000, attributes: { app_version: '2.0' } }],
    });
    const names = await activityNames(api, 'u1');
    expect(names.slice(0, 5)).toEqual([
      'device_change:deleted',
      'device_change:added',
      'device_change:added',
      'page:/checkout',
      'event:Order Completed',
    ]);
    // The anonymous event was already the person's: they carry its anonymous_id.
    expect(names).toContain('event:Viewed Pricing');
  });

  it('suppress, unsuppress, mergeCustomers and destroy', async () => {
    const emu = await start();
    const track = trackClient(emu.url, 'site-b');
    const api = apiClient(emu.url, 'site-b');
    await track.identify('keep', { email: 'keep@example.com' });
    await track.identify('fold', { nickname: 'f' });
    expect(await track.mergeCustomers(IdentifierType.Email, 'keep@example.com', IdentifierType.Id, 'fold')).toEqual({});
    expect(await attributesOf(api, 'keep')).toMatchObject({ attributes: { nickname: 'f' } });
    expect(await attributesOf(api, 'fold')).toBe(404);

    await track.suppress('keep');
    await track.identify('keep', { back: 'no' });
    expect(await attributesOf(api, 'keep')).toBe(404);
    await track.unsuppress('keep');
    await track.identify('keep', { back: 'yes' });
    expect(await attributesOf(api, 'keep')).toMatchObject({ attributes: { back: 'yes' } });
    expect(await track.destroy('keep')).toEqual({});
    expect(await attributesOf(api, 'keep')).toBe(404);
  });

  it('surfaces the Track API 400 and 401 bodies as CustomerIORequestError', async () => {
    const emu = await start();
    const refused = await trackClient(emu.url, 'site-c')
      .identify('u1', { id: 5 })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CustomerIORequestError);
    expect(refused).toMatchObject({ statusCode: 400, message: '1 error:\n  - id attribute must be a string value' });
    const unauthorized = await trackClient(emu.url, 'site-c', '')
      .track('u1', { name: 'x' })
      .catch((error: unknown) => error);
    expect(unauthorized).toMatchObject({
      statusCode: 401,
      message: expect.stringContaining('Unauthorized request') as unknown,
    });
  });
});

describe('one workspace, several credentials', () => {
  it('Track API and Data Pipelines traffic of one key meet in one workspace', async () => {
    const emu = await start();
    await trackClient(emu.url, 'shared').identify('u1', { plan: 'pro' });
    await viaDataPipelines(emu, 'shared', (a) => a.track({ userId: 'u1', event: 'Upgraded' }));
    await emu.waitFor({ event: 'Upgraded' });
    const api = apiClient(emu.url, 'shared');
    expect(await activityNames(api, 'u1')).toEqual(['event:Upgraded', 'attribute_change:plan', 'profile_create:']);
  });

  it('--workspace ties distinct keys together and leaves other keys apart', async () => {
    const emu = await start({ workspaces: { shop: ['write-key', 'site-id', 'app-key'] } });
    await viaDataPipelines(emu, 'write-key', (a) => a.identify({ userId: 'u1', traits: { email: 'u1@example.com' } }));
    await emu.waitFor({ type: 'identify' });
    await trackClient(emu.url, 'site-id').track('u1', { name: 'Checked Out' });
    expect(await activityNames(apiClient(emu.url, 'app-key'), 'u1')).toEqual(['event:Checked Out', 'profile_create:']);
    expect(await attributesOf(apiClient(emu.url, 'stranger'), 'u1')).toBe(404);
    expect(Object.keys(emu.state().workspaces ?? {})).toEqual(['shop']);
  });
});

describe('workspace changes as EventRecords', () => {
  it('journals each change with api "workspace", findable by userId, in /state, cleared by reset', async () => {
    const emu = await start();
    const waiting = emu.waitFor({ api: 'workspace', type: 'person.attributes', userId: 'u1' });
    await trackClient(emu.url, 'site-d').identify('u1', { plan: 'pro' });
    const [record] = await waiting;
    expect(record).toMatchObject({
      api: 'workspace',
      type: 'person.attributes',
      valid: true,
      workspace: 'site-d',
      payload: { kind: 'person.attributes', identifiers: { id: 'u1' }, changed: { plan: { from: null, to: 'pro' } } },
    });
    expect(emu.events({ api: 'workspace' }).map((r) => r.type)).toEqual(['person.created', 'person.attributes']);
    // Received-event listings leave workspace records out unless asked for.
    expect(emu.events()).toEqual([]);

    const state = await request(emu.url).get('/_emulator/state').expect(200);
    expect(Object.keys(state.body.workspaces)).toEqual(['site-d']);
    expect(Object.values(state.body.workspaces['site-d'].people)).toMatchObject([
      { id: 'u1', attributes: { plan: 'pro' } },
    ]);
    await request(emu.url).post('/_emulator/reset').expect(204);
    expect((await request(emu.url).get('/_emulator/state')).body.workspaces).toEqual({});
    expect(await attributesOf(apiClient(emu.url, 'site-d'), 'u1')).toBe(404);
  });
});
