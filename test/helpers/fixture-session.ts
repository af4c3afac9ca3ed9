// A session through the real clients, for the record/replay tests: Data Pipelines through
// @customerio/cdp-analytics-node, then the Track and App APIs, an AEP flow and an inlet post
// through plain fetch with the Platform headers.
import { Analytics } from '@customerio/cdp-analytics-node';
import { expect } from 'vitest';
import { CONNECTION_SPECS, FLOW_SPECS, XED_FULL } from './aep.js';
import { basic } from './emulator.js';

/** The credentials the session uses; none of them may appear in a redacted fixture. */
export const SESSION_SECRETS = Object.freeze({
  writeKey: 'rt-write-key-s3cret',
  siteId: 'rt-site-s3cret',
  trackApiKey: 'rt-track-key-s3cret',
  token: 'rt-adobe-token-s3cret',
  apiKey: 'rt-adobe-client-s3cret',
});

export const SESSION_ORG = 'ROUNDTRIP@AdobeOrg';

const PLATFORM = {
  authorization: `Bearer ${SESSION_SECRETS.token}`,
  'x-api-key': SESSION_SECRETS.apiKey,
  'x-gw-ims-org-id': SESSION_ORG,
  'x-sandbox-name': 'dev',
  'content-type': 'application/json',
};

async function call(url: string, init: RequestInit, status = 200): Promise<unknown> {
  const res = await fetch(url, init);
  const text = await res.text();
  expect(res.status, `${init.method ?? 'GET'} ${url}: ${text}`).toBe(status);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Data Pipelines only: two flushes of the real client, so the fixture has two batches. */
export async function pipelinesSession(url: string): Promise<void> {
  const analytics = new Analytics({ writeKey: SESSION_SECRETS.writeKey, host: url, flushInterval: 60_000 });
  analytics.identify({ userId: 'u1', traits: { email: 'ada@example.com', plan: 'pro' } });
  analytics.track({ userId: 'u1', event: 'Order Completed', properties: { total: 42, items: [{ sku: 'a' }] } });
  await analytics.closeAndFlush();
  const again = new Analytics({ writeKey: SESSION_SECRETS.writeKey, host: url, flushInterval: 60_000 });
  again.page({ userId: 'u1', name: 'Pricing', properties: { path: '/pricing' } });
  await again.closeAndFlush();
}

/** The whole session: Data Pipelines, Track and App APIs, an AEP flow and a message to its inlet. */
export async function fullSession(url: string): Promise<void> {
  await pipelinesSession(url);
  const track = { authorization: `Basic ${btoa(`${SESSION_SECRETS.siteId}:${SESSION_SECRETS.trackApiKey}`)}` };
  await call(`${url}/api/v1/customers/u2`, {
    method: 'PUT',
    headers: { ...track, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bob@example.com', plan: 'free' }),
  });
  await call(`${url}/v1/customers/u1/attributes`, { headers: { authorization: `Bearer ${SESSION_SECRETS.writeKey}` } });
  await call(`${url}/v1/track`, {
    method: 'POST',
    headers: { authorization: basic(SESSION_SECRETS.writeKey), 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'u1', event: 'Deliberately Bad', timestamp: 'not a date', messageId: 'bad-1' }),
  });

  const post = (path: string, body: unknown, status = 201): Promise<unknown> =>
    call(`${url}/data/foundation${path}`, { method: 'POST', headers: PLATFORM, body: JSON.stringify(body) }, status);
  const schema = (await post(
    '/schemaregistry/tenant/schemas',
    { title: 'Round trip', type: 'object', properties: { _rt: { type: 'object' } } },
    201,
  )) as { $id: string };
  const ref = { id: schema.$id, contentType: XED_FULL };
  const [dataSetPath] = (await post('/catalog/dataSets', { name: 'Round trip', schemaRef: ref })) as string[];
  const dataSetId = dataSetPath!.split('/').pop()!;
  const source = (await post('/flowservice/sourceConnections', {
    name: 'source',
    connectionSpec: { id: CONNECTION_SPECS.customerIo, version: '1.0' },
    data: { format: 'json' },
  })) as { id: string };
  const target = (await post('/flowservice/targetConnections', {
    name: 'target',
    connectionSpec: { id: CONNECTION_SPECS.dataLake, version: '1.0' },
    data: { format: 'json', schema: { id: ref.id } },
    params: { dataSetId },
  })) as { id: string };
  const mapping = (await post(
    '/conversion/mappingSets',
    {
      outputSchema: { schemaRef: ref },
      mappings: [{ sourceAttribute: 'metric', destinationXdmPath: '_rt.metric', identity: false, version: 0 }],
    },
    200,
  )) as { id: string };
  const flow = (await post('/flowservice/flows', {
    name: 'flow',
    flowSpec: { id: FLOW_SPECS.genericStreaming, version: '1.0' },
    sourceConnectionIds: [source.id],
    targetConnectionIds: [target.id],
    transformations: [{ name: 'Mapping', params: { mappingId: mapping.id, mappingVersion: 0 } }],
  })) as { id: string };
  const got = (await call(`${url}/data/foundation/flowservice/flows/${flow.id}`, { headers: PLATFORM })) as {
    items: [{ options: { inletUrl: string } }];
  };
  await call(got.items[0].options.inletUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ metric: 'opened', event_id: 'e-1' }),
  });
}

/** GET /_emulator/state, as text: what the byte-identical comparison compares. */
export async function exportText(url: string): Promise<string> {
  const res = await fetch(`${url}/_emulator/state`);
  expect(res.status).toBe(200);
  return res.text();
}
