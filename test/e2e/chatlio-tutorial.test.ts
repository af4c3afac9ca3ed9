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
import { BOB, conversationEvent, LIN, OFFLINE, TRANSCRIPT } from '../fixtures/aep/chatlio-webhooks.js';
import { tutorialBody, walkTutorial, type Tutorial, type Walked } from '../helpers/aep-tutorial.js';
import { killAll, spawnCli, stop, type CliProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/emulator.js';

/**
 * Adobe's "Create a source connection and dataflow for Chatlio using the Flow Service API",
 * walked request for request against the CLI: AdobeDocs/experience-platform.en,
 * help/sources/tutorials/api/create/marketing-automation/chatlio-webhook.md
 * @ f17ee4568d28f5f6aac115e9abaa34e09e2b9e2a. Its request bodies are in test/fixtures/aep
 * (chatlio-*.json, see the README there).
 *
 * What Chatlio's webhooks deliver (Chatlio, "Webhooks", https://chatlio.com/docs/webhooks/, and
 * "Chat transcripts", https://chatlio.com/docs/chat-transcripts-v1):
 * - "new conversation started", "unanswered visitor message" and "visitor left feedback" all post
 *   `{visitor {email, UUID, name, identUserId, identTraits, userAgent, handle, currentPage,
 *   referrerURL, createdAt, IPAddress, location}, message, conversationUUID, channelId,
 *   slackChannelName, slackChannelId}`; `visitor.email` is "" until the visitor gives one.
 * - "new offline message" posts `{name, email, emailPretty, message, visitor {…}}`: no channel fields.
 * - "export chat transcript" posts `{agentEmail, agentName, archiveUrl, channelId, channelName,
 *   conversationUUID, startedAt, endedAt, htmlBody, textBody, messages [{text, ts, sentAt,
 *   userId, username, isVisitorMsg}], visitorEmail, visitorName, visitorTraits, …}`: no `visitor`.
 * Adobe's side: the overview lists all five webhooks as supported
 * (help/sources/connectors/marketing-automation/chatlio-webhook.md); the UI tutorial prints the
 * sample in fixture chatlio-ui-sample-event.json, makes the `UUID` mapping mandatory, and says to
 * give Chatlio `{inletUrl}?x-adobe-flow-id={FLOW_ID}`
 * (help/sources/tutorials/ui/create/marketing-automation/chatlio-webhook.md
 * @ 0cc1cd61d2540df14446590e8c230e5fd20bac4d). So a transcript, which has no `visitor.UUID`, maps
 * to a record without the one field the schema requires, and is refused after DCS answered 200.
 * Chatlio never batches; the /collection/batch post below is DCS's own batch form.
 */

const TENANT: Tenant = { imsOrgId: 'EXTCONNDEV@AdobeOrg', sandboxName: 'chatlio-dev' };

/** The target schema the tutorial links to but does not print: the six fields its mapping writes. */
const SCHEMA = {
  title: 'Chatlio webhook events',
  description: 'Target schema for the Chatlio source tutorial',
  type: 'object',
  allOf: [{ $ref: 'https://ns.adobe.com/xdm/context/experienceevent' }],
  properties: {
    _extconndev: {
      type: 'object',
      required: ['UUID'],
      properties: {
        slackchannel_ID: { type: 'string', title: 'Slack channel id' },
        slackchannel_name: { type: 'string', title: 'Slack channel name' },
        UUID: { type: 'string', title: 'Visitor UUID' },
        chatlio_email: { type: 'string', title: 'Visitor email' },
        message: { type: 'string', title: 'Message' },
        channel_ID: { type: 'string', title: 'Conversation channel id' },
      },
    },
  },
};

const TUTORIAL: Tutorial = {
  prefix: 'chatlio',
  connectionSpecId: '073127a3-26e3-496c-9d94-9f48fb93fba8',
  ids: {
    targetSchema: 'https://ns.adobe.com/extconndev/schemas/49cecec83dd1a8da1aef4a96c67c06654e8c337a0a3b4262',
    // The doc's mapping set names the Customer.io tutorial's schema; see test/fixtures/aep/README.md.
    mappingSchema: 'https://ns.adobe.com/{TENANT_ID}/schemas/945546112b746524bfd9f1264b26c2b7d8e7f5b7fadb953a',
    dataSet: '63ef7df781f14a1bd02a7e49',
    sourceConnection: '7689a40d-43eb-4f74-a3f1-092a55884f6c',
    targetConnection: 'f7be8ab6-e5ea-4405-83b9-200cdfb2a9e5',
    mapping: '4b7188aad69c44529a5e674ab5d3568b',
  },
  schema: SCHEMA,
  datasetName: 'Chatlio webhook events',
};

const STARTED = conversationEvent('Hi, does the team plan include SSO?');
const UNANSWERED = conversationEvent('Anyone there? I need to decide today.');
const FEEDBACK = conversationEvent('Great help, thanks!');

/** The record the tutorial's mapping makes of a conversation event for Lin. */
function linRecord(message: string): object {
  return {
    _extconndev: {
      slackchannel_ID: 'C05LIVE0001',
      slackchannel_name: 'live-chat',
      UUID: LIN.UUID,
      chatlio_email: LIN.email,
      message,
      channel_ID: 'C07ABCD1234',
    },
  };
}

const EXPECTED_RECORDS = [
  {
    _extconndev: {
      slackchannel_ID: 'C04JVR71WKS',
      slackchannel_name: 'aep',
      UUID: '2d3f4260-2235-903b-0a82-a23d326cc257',
      chatlio_email: 'test@example.com',
      message: 'Hi',
      channel_ID: 'C04J7M7LCMQ',
    },
  },
  linRecord('Hi, does the team plan include SSO?'),
  // An offline message has no channel fields: those attributes are left out, not written as null.
  {
    _extconndev: { UUID: BOB.UUID, chatlio_email: 'bob@example.com', message: 'Please call me back about an invoice.' },
  },
  linRecord('Anyone there? I need to decide today.'),
  linRecord('Great help, thanks!'),
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

/** Adobe's sample, four Chatlio webhooks that fit and a transcript that does not; returns the flow. */
async function walkAndDeliver(cli: CliProcess): Promise<Walked> {
  const walked = await walkTutorial(platformBase(cli), TENANT, TUTORIAL);
  const { inletUrl, flowId } = walked;
  await deliver(
    `${inletUrl}?x-adobe-flow-id=${flowId}`,
    (await tutorialBody('chatlio-ui-sample-event.json')) as object,
  );
  await deliver(inletUrl, STARTED);
  await deliver(inletUrl, OFFLINE);
  const batchUrl = inletUrl.replace('/collection/', '/collection/batch/');
  const batch = await send<{ responses: unknown[] }>(batchUrl, 'POST', {}, { messages: [UNANSWERED, FEEDBACK] });
  expect(batch.status).toBe(207);
  expect(batch.body.responses).toEqual([{ xactionId: expect.any(String) }, { xactionId: expect.any(String) }]);
  await deliver(inletUrl, TRANSCRIPT);
  return walked;
}

describe("Adobe's Chatlio source tutorial, through the CLI", () => {
  it('lands the mapped webhooks in the dataset and journals and counts the transcript the schema refuses', async () => {
    const cli = start();
    const banner = await cli.banner;
    const { flowId, datasetId } = await walkAndDeliver(cli);

    expect(await datasetRecords(banner, datasetId)).toEqual(EXPECTED_RECORDS);

    const events = await inletEvents(banner, flowId);
    expect(events.map((e) => e.valid)).toEqual([true, true, true, true, true, false]);
    for (const event of events) expect(event).toMatchObject({ api: 'aep', type: 'inlet', flowId, datasetId });
    expect(events.slice(0, 5).map((e) => e.errors)).toEqual(Array(5).fill([]));
    expect(events.slice(1, 5).map((e) => e.input)).toEqual([STARTED, OFFLINE, UNANSWERED, FEEDBACK]);
    const refused = events[5]!;
    expect(refused.input).toEqual(TRANSCRIPT);
    // All the tutorial's mapping finds in a transcript is its channel id.
    expect(refused.payload).toEqual({ _extconndev: { channel_ID: 'C07ABCD1234' } });
    expect(refused.errors).toEqual([
      { path: expect.stringContaining('/_extconndev'), message: expect.stringMatching(/UUID/) },
    ]);

    expect(await runCounts(platformBase(cli), TENANT, flowId)).toEqual({ input: 6, created: 5, failed: 1 });
  });

  it('keeps the flow, its inlet, the records and the run counts across a SIGTERM restart', async () => {
    const first = start();
    const before = await first.banner;
    const { flowId, datasetId, inletUrl, flow } = await walkAndDeliver(first);
    expect(await stop(first, 'SIGTERM')).toEqual({ code: 0, signal: null });

    const second = start();
    const after = await second.banner;
    const platform = platformBase(second);
    const got = await send<{ items: unknown[] }>(
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
    expect(await runCounts(platform, TENANT, flowId)).toEqual({ input: 6, created: 5, failed: 1 });

    // The restored inlet still takes webhooks, and the counts go on from where they were.
    await deliver(`${movedInlet}?x-adobe-flow-id=${flowId}`, conversationEvent('One more question about seats.'));
    expect(await datasetRecords(after, datasetId)).toEqual([
      ...EXPECTED_RECORDS,
      linRecord('One more question about seats.'),
    ]);
    expect(await runCounts(platform, TENANT, flowId)).toEqual({ input: 7, created: 6, failed: 1 });
  });
});
