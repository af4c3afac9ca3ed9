import { describe, expect, it } from 'vitest';
import { createSchemaRegistry, defaultSchemaDir } from '../../src/schema/registry.js';

const schemas = createSchemaRegistry(defaultSchemaDir());
const device = { context: { device: { token: 'tok', type: 'ios' } } };

// [schema, event, expected problem paths] — an empty list means valid.
const CASES: ReadonlyArray<[string, Record<string, unknown>, string[]]> = [
  ['identify', { userId: 'u' }, []],
  ['identify', { anonymousId: 'a' }, []],
  ['identify', { userId: 'u', anonymousId: 'a', traits: { email: 'x@y.z' } }, []],
  ['identify', { traits: { email: 'x@y.z' } }, ['']],
  ['identify', { userId: 5 }, ['/userId']],
  ['identify', { userId: 'u', traits: { createdAt: 'last week' } }, ['/traits/createdAt']],
  ['identify', { userId: 'u', traits: { unsubscribed: 'yes' } }, ['/traits/unsubscribed']],
  [
    'identify',
    { userId: 'u', traits: { cio_subscription_preferences: { topics: { topic_1: 'on' } } } },
    ['/traits/cio_subscription_preferences/topics/topic_1'],
  ],
  ['identify', { userId: 'u', context: { channel: 'fax' } }, ['/context/channel']],
  ['identify', { userId: 'u', integrations: { All: false, Amplitude: { session_id: 1 } } }, []],
  ['identify', { userId: 'u', integrations: { All: 'no' } }, ['/integrations/All']],
  ['identify', { userId: 'u', timestamp: '2026-01-01T00:00:00Z', unknownKey: 1 }, []],
  ['track', { userId: 'u', event: 'E', properties: { a: [1, { b: 2 }] } }, []],
  ['track', { groupId: 'g', event: 'E' }, []],
  ['track', { userId: 'u' }, ['/event']],
  ['track', { event: 'E' }, ['']],
  ['track', { userId: 'u', event: 'E', properties: 'x' }, ['/properties']],
  ['track', { userId: 'u', event: 'Device Created or Updated', ...device }, []],
  ['track', { userId: 'u', event: 'Device Created or Updated' }, ['/context']],
  ['track', { anonymousId: 'a', event: 'Device Deleted', ...device }, ['/userId']],
  [
    'track',
    { userId: 'u', event: 'Device Deleted', context: { device: { token: 't', type: 'web' } } },
    ['/context/device/type'],
  ],
  ['track', { userId: 'u', event: 'User Deleted' }, []],
  ['track', { anonymousId: 'a', event: 'User Suppressed' }, ['/userId']],
  ['track', { userId: 'u', event: 'Relationship Deleted', properties: { objectId: 'o', objectTypeId: 1 } }, []],
  ['track', { userId: 'u', event: 'Relationship Deleted', properties: {} }, ['/properties/objectId']],
  ['track', { anonymousId: 'a', event: 'Object Deleted', properties: { objectId: 'o' } }, []],
  ['track', { userId: 'u', event: 'Report Delivery Event', properties: { metric: 'opened' } }, []],
  ['track', { userId: 'u', event: 'Report Delivery Event', properties: { metric: 'bounced' } }, ['/properties/metric']],
  ['track', { userId: 'u', event: 'Report Content Event', properties: { actionType: 'viewed_content' } }, []],
  ['page', { anonymousId: 'a', name: 'Home', properties: { url: 'https://x.test/' } }, []],
  ['page', { anonymousId: 'a', properties: { url: 5 } }, ['/properties/url']],
  ['screen', { userId: 'u', name: 'Feed' }, []],
  ['screen', { name: 'Feed' }, ['']],
  ['group', { groupId: 'g' }, []],
  [
    'group',
    { userId: 'u', groupId: 'g', traits: { object_type_id: '2', relationshipAttributes: { role: 'admin' } } },
    [],
  ],
  ['group', { userId: 'u' }, ['/groupId']],
  ['group', { groupId: 'g', traits: { object_type_id: 2 } }, ['/traits/object_type_id']],
  ['alias', { previousId: 'a', userId: 'u' }, []],
  ['alias', { userId: 'u' }, ['/previousId']],
  ['alias', { previousId: 'a', userId: 7 }, ['/userId']],
  ['batch', { batch: [{ type: 'track' }], writeKey: 'k', sentAt: '2026-01-01T00:00:00Z', messageId: 'x' }, []],
  ['batch', { batch: {} }, ['/batch']],
  ['batch', { batch: [], context: null }, []],
];

describe('Data Pipelines schemas', () => {
  it.each(CASES)('%s %j', (name, event, paths) => {
    const problems = schemas.validate(`pipelines/${name}`, event);
    expect([...new Set(problems.map((p) => p.path))].sort()).toEqual([...paths].sort());
    for (const p of problems) expect(p.message.length).toBeGreaterThan(0);
  });

  it('names both identifiers when neither is given', () => {
    expect(schemas.validate('pipelines/identify', {})).toEqual([
      { path: '', message: 'must have userId or anonymousId' },
    ]);
  });
});

describe('the schema registry', () => {
  it('compiles every schema in schemas/ in strict mode', async () => {
    const fresh = createSchemaRegistry(defaultSchemaDir());
    await expect(fresh.warmUp()).resolves.toBeUndefined();
    expect(fresh.has('pipelines/track')).toBe(true);
    expect(fresh.has('pipelines/nope')).toBe(false);
    expect(() => fresh.validate('pipelines/nope', {})).toThrow(/unknown schema/);
  });
});
