import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  datasetRecords,
  deliver,
  gatewayHeaders,
  inletEvents,
  inletIdOf,
  platformBase,
  runCounts,
  send,
  type Tenant,
} from '../helpers/aep-cli.js';
import { tutorialBody, walkTutorial, type Tutorial, type Walked } from '../helpers/aep-tutorial.js';
import { killAll, spawnCli, stop, type CliProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/emulator.js';

/**
 * Adobe's "Create a source connection and dataflow for Customer.io using the Flow Service API",
 * walked request for request against the CLI: AdobeDocs/experience-platform.en,
 * help/sources/tutorials/api/create/marketing-automation/customerio-webhook.md
 * @ 28f29c2958c8ed0698381f3d4dd0ec0dba3641a1. Its request bodies are in test/fixtures/aep
 * (customerio-*.json, see the README there).
 *
 * What a Customer.io reporting webhook delivers (the source of the messages below):
 * - One JSON object per POST: `event_id` (a ULID, Customer.io's dedupe key), `object_type`
 *   (customer, email, push, in_app, sms, slack, webhook), `metric` (for email: sent, delivered,
 *   opened, clicked, bounced, spammed, dropped, unsubscribed, converted, failed, …), `timestamp`
 *   in Unix seconds, and `data`. Sources: Customer.io "Reporting Webhooks" reference
 *   (https://docs.customer.io/api/webhooks/, https://customer.io/docs/webhooks/#events);
 *   Adobe's Customer.io overview lists the same event families
 *   (help/sources/connectors/marketing-automation/customerio-webhook.md).
 * - `data` carries `identifiers {id, email, cio_id}` plus, for message events, `customer_id`,
 *   `delivery_id` (also sent as the CIO-Delivery-ID header), `campaign_id`/`action_id` (or
 *   `broadcast_id`, …), `recipient` and `subject`; clicks add `href` and `link_id`, bounces
 *   `failure_message`. Adobe's UI tutorial prints a customer/subscribed sample with
 *   `data {customer_id, email_address, identifiers {id, email, cio_id}}`
 *   (help/sources/tutorials/ui/create/marketing-automation/customerio-webhook.md
 *   @ 456ebb7f8bfdbf6ba1d43ac63db96e70ab5f9064; fixture customerio-ui-sample-event.json).
 * - Adobe's UI tutorial: in Customer.io's test mode no `cio_id` is sent; the webhook URL to give
 *   Customer.io is `{inletUrl}?x-adobe-flow-id={FLOW_ID}`.
 * - Customer.io retries any non-2xx for up to seven days and backlogs later calls meanwhile, so
 *   DCS answering 200 and validating afterwards (reference §5) is what keeps the webhook flowing;
 *   a delivery that does not fit the schema is lost quietly, which the journal shows.
 * Customer.io never batches; the /collection/batch post below is DCS's own batch form.
 */

const TENANT: Tenant = { imsOrgId: 'EXTCONNDEV@AdobeOrg', sandboxName: 'tutorial-dev' };

/**
 * The target schema the tutorial links to but does not print: the six `_extconndev` fields its
 * mapping writes. `event_id0` and `timestampx` are required (every delivery has them); `cio_id` is
 * not (test mode omits it). `timestampx` is XDM's long, as Customer.io sends Unix seconds.
 */
const SCHEMA = {
  title: 'Customer.io reporting webhook events',
  description: 'Target schema for the Customer.io source tutorial',
  type: 'object',
  allOf: [{ $ref: 'https://ns.adobe.com/xdm/context/experienceevent' }],
  properties: {
    _extconndev: {
      type: 'object',
      required: ['event_id0', 'timestampx'],
      properties: {
        cio_id: { type: 'string', title: 'Customer.io id' },
        email: { type: 'string', title: 'Email' },
        event_id0: { type: 'string', title: 'Event id' },
        metricx: { type: 'string', title: 'Metric' },
        object_type1: { type: 'string', title: 'Object type' },
        timestampx: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991, title: 'Timestamp' },
      },
    },
  },
};

const TUTORIAL: Tutorial = {
  prefix: 'customerio',
  connectionSpecId: '96479064-7b8a-4d69-b9ed-21c5683837ea',
  ids: {
    targetSchema: 'https://ns.adobe.com/extconndev/schemas/945546112b746524bfd9f1264b26c2b7d8e7f5b7fadb953a',
    mappingSchema: 'https://ns.adobe.com/{TENANT_ID}/schemas/945546112b746524bfd9f1264b26c2b7d8e7f5b7fadb953a',
    dataSet: '63ec807d3f5ce91bd2d06c65',
    sourceConnection: '133bb51f-f310-4b4a-b8b2-731aef1e223c',
    targetConnection: 'da8b75ad-f6ee-4991-95df-291e62936e98',
    mapping: '59c0e53a2dc84f7791ecc1b3d6e51d5e',
  },
  schema: SCHEMA,
  datasetName: 'Customer.io webhook events',
};

const ADA = { id: 'cust-1001', email: 'ada@example.com', cio_id: 'a3f80c000001' };
const T0 = 1714564800; // 2024-05-01T12:00:00Z

/** One email reporting-webhook delivery for campaign 23, action 96, to Ada. */
function emailEvent(eventId: string, metric: string, at: number, extra: Record<string, unknown> = {}): object {
  return {
    event_id: eventId,
    object_type: 'email',
    metric,
    timestamp: at,
    data: {
      action_id: 96,
      campaign_id: 23,
      customer_id: ADA.id,
      delivery_id: 'RPILAgABcRhIBqSp7kiPekGBIeVh',
      identifiers: ADA,
      recipient: ADA.email,
      subject: 'Your May receipt',
      ...extra,
    },
  };
}

const SENT = emailEvent('01HWV0PJ4C6Z1Q2R3S4T5V6W7X', 'sent', T0);
const DELIVERED = emailEvent('01HWV0PK0A1B2C3D4E5F6G7H8J', 'delivered', T0 + 2);
const OPENED = emailEvent('01HWV1ZQ9M8N7P6Q5R4S3T2V1W', 'opened', T0 + 1260);
const CLICKED = emailEvent('01HWV202XK5M4N3P2Q1R0S9T8V', 'clicked', T0 + 1312, {
  href: 'https://example.com/orders/1001',
  link_id: 7,
});
const BOUNCED = emailEvent('01HWV3A7B6C5D4E3F2G1H0J9K8', 'bounced', T0 + 1500, {
  identifiers: { id: 'cust-1002', email: 'grace@example.invalid', cio_id: 'a3f80c000002' },
  customer_id: 'cust-1002',
  recipient: 'grace@example.invalid',
  failure_message: '550 5.1.1 The email account that you tried to reach does not exist.',
});
/**
 * A hand-replayed delivery with an ISO timestamp where Customer.io sends Unix seconds. Data Prep
 * cannot convert it to a long, so it leaves `timestampx` out (a conversion error nulls the
 * attribute, reference §4), and the record then lacks a field the schema requires: not ingested.
 */
const ISO_TIMESTAMP = { ...emailEvent('01HWV3Z0Y9X8W7V6T5S4R3Q2P1', 'opened', T0), timestamp: '2024-05-01T12:40:00Z' };

/** The record the tutorial's mapping makes of a delivery. */
function mapped(
  identifiers: { email: string; cio_id: string },
  eventId: string,
  metric: string,
  objectType: string,
  at: number,
): object {
  const fields = { cio_id: identifiers.cio_id, email: identifiers.email, event_id0: eventId };
  return { _extconndev: { ...fields, metricx: metric, object_type1: objectType, timestampx: at } };
}

const GRACE = { email: 'grace@example.invalid', cio_id: 'a3f80c000002' };
const EXPECTED_RECORDS = [
  mapped(
    { email: 'test@example.com', cio_id: 'd9c106000001' },
    '01E4C4CT6YDC7Y5M7FE1GWWPQJ',
    'subscribed',
    'customer',
    1613063089,
  ),
  mapped(ADA, '01HWV0PJ4C6Z1Q2R3S4T5V6W7X', 'sent', 'email', T0),
  mapped(ADA, '01HWV0PK0A1B2C3D4E5F6G7H8J', 'delivered', 'email', T0 + 2),
  mapped(ADA, '01HWV1ZQ9M8N7P6Q5R4S3T2V1W', 'opened', 'email', T0 + 1260),
  mapped(ADA, '01HWV202XK5M4N3P2Q1R0S9T8V', 'clicked', 'email', T0 + 1312),
  mapped(GRACE, '01HWV3A7B6C5D4E3F2G1H0J9K8', 'bounced', 'email', T0 + 1500),
];

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});

afterEach(async () => {
  await killAll();
  await cleanup();
});

function start(): CliProcess {
  return spawnCli(['--port', '0', '--data', path.join(dir, 'state.json')], { cwd: dir });
}

/** Adobe's sample, the five email deliveries and the one that breaks the schema; returns the flow. */
async function walkAndDeliver(cli: CliProcess): Promise<Walked> {
  const walked = await walkTutorial(platformBase(cli), TENANT, TUTORIAL);
  const { inletUrl, flowId } = walked;
  // The UI tutorial's webhook URL form, with the flow id as a query parameter.
  await deliver(
    `${inletUrl}?x-adobe-flow-id=${flowId}`,
    (await tutorialBody('customerio-ui-sample-event.json')) as object,
  );
  for (const message of [SENT, DELIVERED, OPENED]) await deliver(inletUrl, message);
  const batchUrl = inletUrl.replace('/collection/', '/collection/batch/');
  const batch = await send<{ responses: unknown[] }>(batchUrl, 'POST', {}, { messages: [CLICKED, BOUNCED] });
  expect(batch.status).toBe(207);
  expect(batch.body.responses).toEqual([{ xactionId: expect.any(String) }, { xactionId: expect.any(String) }]);
  await deliver(inletUrl, ISO_TIMESTAMP);
  return walked;
}

describe("Adobe's Customer.io source tutorial, through the CLI", () => {
  it('lands the mapped deliveries in the dataset and journals and counts the one the schema refuses', async () => {
    const cli = start();
    const banner = await cli.banner;
    const { flowId, datasetId } = await walkAndDeliver(cli);

    expect(await datasetRecords(banner, datasetId)).toEqual(EXPECTED_RECORDS);

    const events = await inletEvents(banner, flowId);
    expect(events.map((e) => e.valid)).toEqual([true, true, true, true, true, true, false]);
    for (const event of events) expect(event).toMatchObject({ api: 'aep', type: 'inlet', flowId, datasetId });
    expect(events.slice(0, 6).map((e) => e.errors)).toEqual(Array(6).fill([]));
    expect(events.slice(1, 6).map((e) => e.input)).toEqual([SENT, DELIVERED, OPENED, CLICKED, BOUNCED]);
    const refused = events[6]!;
    expect(refused.input).toEqual(ISO_TIMESTAMP);
    expect(refused.payload).toEqual({
      _extconndev: {
        cio_id: ADA.cio_id,
        email: ADA.email,
        event_id0: '01HWV3Z0Y9X8W7V6T5S4R3Q2P1',
        metricx: 'opened',
        object_type1: 'email',
      },
    });
    expect(refused.errors.length).toBeGreaterThan(0);
    expect(refused.errors.map((e) => `${e.path} ${e.message}`).join('\n')).toMatch(/timestampx/);

    expect(await runCounts(platformBase(cli), TENANT, flowId)).toEqual({ input: 7, created: 6, failed: 1 });
  });

  it('keeps the flow, its inlet, the records and the run counts across a SIGTERM restart', async () => {
    const first = start();
    const before = await first.banner;
    const { flowId, datasetId, inletUrl, flow } = await walkAndDeliver(first);
    expect(await stop(first, 'SIGTERM')).toEqual({ code: 0, signal: null });

    const second = start();
    const after = await second.banner;
    const platform = platformBase(second);
    const got = await send<{ items: Array<{ options: { inletUrl: string } }> }>(
      `${platform}/flowservice/flows/${flowId}`,
      'GET',
      gatewayHeaders(TENANT),
    );
    expect(got.status).toBe(200);
    // Port 0 gives another port, so only the host part of the inletUrl may change.
    const movedInlet = `${after.url}/collection/${inletIdOf(inletUrl)}`;
    expect(inletUrl.startsWith(`${before.url}/collection/`)).toBe(true);
    expect(got.body.items).toEqual([{ ...flow, options: { inletUrl: movedInlet } }]);
    expect(await datasetRecords(after, datasetId)).toEqual(EXPECTED_RECORDS);
    expect(await runCounts(platform, TENANT, flowId)).toEqual({ input: 7, created: 6, failed: 1 });

    // The restored inlet still takes deliveries, and the counts go on from where they were.
    const pushOpened = {
      event_id: '01HWV4M2N3P4Q5R6S7T8V9W0X1',
      object_type: 'push',
      metric: 'opened',
      timestamp: T0 + 3600,
      data: {
        customer_id: ADA.id,
        delivery_id: 'RPILAgUBcRhIBqSp7kiPekGBIeVh',
        identifiers: ADA,
        recipient: 'fcm:token-1',
      },
    };
    await deliver(movedInlet, pushOpened);
    const records = await datasetRecords(after, datasetId);
    expect(records).toEqual([
      ...EXPECTED_RECORDS,
      mapped(ADA, '01HWV4M2N3P4Q5R6S7T8V9W0X1', 'opened', 'push', T0 + 3600),
    ]);
    expect(await runCounts(platform, TENANT, flowId)).toEqual({ input: 8, created: 7, failed: 1 });
  });
});
