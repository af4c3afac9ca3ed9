import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { call, type Session } from './record.js';
import { CHATLIO_DELIVERIES, CUSTOMERIO_DELIVERIES } from './webhooks.js';

/**
 * data/fixtures/aep-customerio-source.ndjson and aep-chatlio-source.ndjson: Adobe's API tutorial
 * for the source, request for request with the tutorial's own bodies (test/fixtures/aep, sources
 * in its README), then the vendor's webhooks delivered to the flow's inlet. The target schema and
 * dataset, which the tutorials only link to, are the ones the e2e tutorial tests create.
 */

export const AEP_TOKEN = 'sample-adobe-access-token-s3cret';
export const AEP_API_KEY = 'sample-adobe-client-id-s3cret';

const TUTORIAL_BODIES = path.resolve(import.meta.dirname, '..', '..', 'test', 'fixtures', 'aep');
const XED_FULL = 'application/vnd.adobe.xed-full+json;version=1';
const HEADERS = {
  authorization: `Bearer ${AEP_TOKEN}`,
  'x-api-key': AEP_API_KEY,
  'x-gw-ims-org-id': 'EXTCONNDEV@AdobeOrg',
  'x-sandbox-name': 'dev',
};

type Source = {
  prefix: 'customerio' | 'chatlio';
  schema: object;
  datasetName: string;
  /** The tutorial's ids, swapped for the ones the emulator hands out. */
  ids: {
    targetSchema: string;
    mappingSchema: string;
    dataSet: string;
    source: string;
    target: string;
    mapping: string;
  };
  deliveries: readonly Record<string, unknown>[];
};

const string = (title: string): object => ({ type: 'string', title });
const EXPERIENCE_EVENT = [{ $ref: 'https://ns.adobe.com/xdm/context/experienceevent' }];
const MAPPING_SCHEMA = 'https://ns.adobe.com/{TENANT_ID}/schemas/945546112b746524bfd9f1264b26c2b7d8e7f5b7fadb953a';

export const CUSTOMERIO: Source = {
  prefix: 'customerio',
  schema: {
    title: 'Customer.io reporting webhook events',
    description: 'Target schema for the Customer.io source tutorial',
    type: 'object',
    allOf: EXPERIENCE_EVENT,
    properties: {
      _extconndev: {
        type: 'object',
        required: ['event_id0', 'timestampx'],
        properties: {
          cio_id: string('Customer.io id'),
          email: string('Email'),
          event_id0: string('Event id'),
          metricx: string('Metric'),
          object_type1: string('Object type'),
          timestampx: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991, title: 'Timestamp' },
        },
      },
    },
  },
  datasetName: 'Customer.io webhook events',
  ids: {
    targetSchema: 'https://ns.adobe.com/extconndev/schemas/945546112b746524bfd9f1264b26c2b7d8e7f5b7fadb953a',
    mappingSchema: MAPPING_SCHEMA,
    dataSet: '63ec807d3f5ce91bd2d06c65',
    source: '133bb51f-f310-4b4a-b8b2-731aef1e223c',
    target: 'da8b75ad-f6ee-4991-95df-291e62936e98',
    mapping: '59c0e53a2dc84f7791ecc1b3d6e51d5e',
  },
  deliveries: CUSTOMERIO_DELIVERIES,
};

export const CHATLIO: Source = {
  prefix: 'chatlio',
  schema: {
    title: 'Chatlio webhook events',
    description: 'Target schema for the Chatlio source tutorial',
    type: 'object',
    allOf: EXPERIENCE_EVENT,
    properties: {
      _extconndev: {
        type: 'object',
        required: ['UUID'],
        properties: {
          slackchannel_ID: string('Slack channel id'),
          slackchannel_name: string('Slack channel name'),
          UUID: string('Visitor UUID'),
          chatlio_email: string('Visitor email'),
          message: string('Message'),
          channel_ID: string('Conversation channel id'),
        },
      },
    },
  },
  datasetName: 'Chatlio webhook events',
  ids: {
    targetSchema: 'https://ns.adobe.com/extconndev/schemas/49cecec83dd1a8da1aef4a96c67c06654e8c337a0a3b4262',
    // The doc's mapping set names the Customer.io tutorial's schema; see test/fixtures/aep/README.md.
    mappingSchema: MAPPING_SCHEMA,
    dataSet: '63ef7df781f14a1bd02a7e49',
    source: '7689a40d-43eb-4f74-a3f1-092a55884f6c',
    target: 'f7be8ab6-e5ea-4405-83b9-200cdfb2a9e5',
    mapping: '4b7188aad69c44529a5e674ab5d3568b',
  },
  deliveries: CHATLIO_DELIVERIES,
};

async function tutorialBody(source: Source, step: string, ids: Record<string, string>): Promise<unknown> {
  const text = await readFile(path.join(TUTORIAL_BODIES, `${source.prefix}-${step}.json`), 'utf8');
  let swapped = text;
  for (const [from, to] of Object.entries(ids)) {
    if (!swapped.includes(`"${from}"`)) throw new Error(`${source.prefix}-${step}.json does not name ${from}`);
    swapped = swapped.replaceAll(`"${from}"`, JSON.stringify(to));
  }
  return JSON.parse(swapped) as unknown;
}

/** The walk: schema, dataset, source and target connections, mapping set, flow, its inletUrl; then the webhooks. */
export function aepSource(source: Source): (session: Session) => Promise<void> {
  return async (session) => {
    const platform = `${session.url}/data/foundation`;
    const post = (url: string, body: unknown, status = 201): Promise<unknown> =>
      call(url, { method: 'POST', headers: { ...HEADERS, 'content-type': 'application/json' }, body }, status);

    session.at(0);
    const schema = (await post(`${platform}/schemaregistry/tenant/schemas`, source.schema)) as { $id: string };
    session.at(200);
    const dataset = { name: source.datasetName, schemaRef: { id: schema.$id, contentType: XED_FULL } };
    const [datasetPath] = (await post(`${platform}/catalog/dataSets`, dataset)) as [string];
    const datasetId = datasetPath.slice('@/dataSets/'.length);
    session.at(400);
    const sourceBody = await tutorialBody(source, 'source-connection', {});
    const created = (await post(`${platform}/flowservice/sourceConnections`, sourceBody)) as { id: string };
    session.at(600);
    const targetIds = { [source.ids.targetSchema]: schema.$id, [source.ids.dataSet]: datasetId };
    const targetBody = await tutorialBody(source, 'target-connection', targetIds);
    const target = (await post(`${platform}/flowservice/targetConnections`, targetBody)) as { id: string };
    session.at(800);
    const mappingBody = await tutorialBody(source, 'mapping-set', { [source.ids.mappingSchema]: schema.$id });
    // Data Prep answers a create with 200, not 201 (reference §4).
    const mapping = (await post(`${platform}/conversion/mappingSets`, mappingBody, 200)) as { id: string };
    session.at(1000);
    const flowIds = {
      [source.ids.source]: created.id,
      [source.ids.target]: target.id,
      [source.ids.mapping]: mapping.id,
    };
    const flow = (await post(`${platform}/flowservice/flows`, await tutorialBody(source, 'flow', flowIds))) as {
      id: string;
    };
    session.at(1200);
    const got = (await call(`${platform}/flowservice/flows/${flow.id}`, { headers: HEADERS }, 200)) as {
      items: [{ options: { inletUrl: string } }];
    };

    // The webhook URL Adobe's UI tutorials tell the vendor to call: `{inletUrl}?x-adobe-flow-id={FLOW_ID}`.
    const webhook = `${got.items[0].options.inletUrl}?x-adobe-flow-id=${flow.id}`;
    let t = 1500;
    for (const message of source.deliveries) {
      session.at(t);
      await call(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: message }, 200);
      t += 250;
    }
  };
}
