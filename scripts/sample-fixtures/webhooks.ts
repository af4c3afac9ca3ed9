/**
 * The webhook messages the AEP samples deliver, in the vendors' own formats. Sources, and the
 * reasoning behind each field, are in test/e2e/customerio-tutorial.test.ts and
 * test/e2e/chatlio-tutorial.test.ts, which walk the same tutorials with the same shapes.
 */

/**
 * Customer.io reporting webhooks (https://docs.customer.io/api/webhooks/): one JSON object per
 * POST with `event_id` (a ULID), `object_type`, `metric`, `timestamp` in Unix seconds and
 * `data.identifiers {id, email, cio_id}`. Here: the receipt for the order of the SDK session
 * sample (Ada, `u-1001`) sent, delivered, opened and clicked, and another customer's bounce.
 */
const T0 = 1714564800; // 2024-05-01T12:00:00Z
const ADA = { id: 'u-1001', email: 'ada@example.com', cio_id: 'a3f80c000001' };
const GRACE = { id: 'u-1002', email: 'grace@example.invalid', cio_id: 'a3f80c000002' };

function emailEvent(
  eventId: string,
  metric: string,
  at: number,
  who: typeof ADA,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    event_id: eventId,
    object_type: 'email',
    metric,
    timestamp: at,
    data: {
      action_id: 96,
      campaign_id: 23,
      customer_id: who.id,
      delivery_id: who === ADA ? 'RPILAgABcRhIBqSp7kiPekGBIeVh' : 'RPILAgABcRhIBqSp7kiPekGBIeVj',
      identifiers: who,
      recipient: who.email,
      subject: 'Your Acme Shop receipt',
      ...extra,
    },
  };
}

export const CUSTOMERIO_DELIVERIES: readonly Record<string, unknown>[] = [
  emailEvent('01HWV0PJ4C6Z1Q2R3S4T5V6W7X', 'sent', T0 + 5, ADA),
  emailEvent('01HWV0PK0A1B2C3D4E5F6G7H8J', 'delivered', T0 + 7, ADA),
  emailEvent('01HWV1ZQ9M8N7P6Q5R4S3T2V1W', 'opened', T0 + 1260, ADA),
  emailEvent('01HWV202XK5M4N3P2Q1R0S9T8V', 'clicked', T0 + 1312, ADA, {
    href: 'https://shop.example.com/orders/1001',
    link_id: 7,
  }),
  emailEvent('01HWV3A7B6C5D4E3F2G1H0J9K8', 'bounced', T0 + 1500, GRACE, {
    failure_message: '550 5.1.1 The email account that you tried to reach does not exist.',
  }),
];

/**
 * Chatlio webhooks (https://chatlio.com/docs/webhooks/): "new conversation started",
 * "new offline message", "unanswered visitor message", "visitor left feedback", then "export
 * chat transcript", which has no `visitor` and so maps to a record without the `UUID` the
 * schema requires: journaled invalid and counted as failed, after DCS answered 200.
 */
const LIN = {
  email: 'lin@example.com',
  UUID: '7f1c2a90-5be4-4d0e-9c55-0b6f3e2d8a11',
  name: 'Lin Park',
  identUserId: 'user-5521',
  identTraits: '{"plan":"team"}',
  userAgent:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  handle: 'portland-oregon-us-12',
  currentPage: 'https://example.com/pricing',
  referrerURL: 'https://www.google.com/',
  createdAt: '2024-05-01T09:14:03.512204-07:00',
  IPAddress: '203.0.113.24',
  location: 'Portland, Oregon, United States',
};
const BOB = { ...LIN, email: 'bob@example.com', UUID: 'e2d4f6a8-0b1c-4d3e-9f5a-6b7c8d9e0f1a', name: 'Bob Smith' };

function conversationEvent(message: string): Record<string, unknown> {
  return {
    visitor: LIN,
    message,
    conversationUUID: 'c0a8e4b2-1d3f-4e5a-8b6c-7d8e9f0a1b2c',
    channelId: 'C07ABCD1234',
    slackChannelName: 'live-chat',
    slackChannelId: 'C05LIVE0001',
  };
}

const TRANSCRIPT = {
  agentEmail: 'agent@example.com',
  agentName: 'Sam Agent',
  archiveUrl: 'https://example.slack.com/archives/C07ABCD1234',
  extraData: [],
  channelId: 'C07ABCD1234',
  channelName: 'portland-oregon-us-12',
  conversationUUID: 'c0a8e4b2-1d3f-4e5a-8b6c-7d8e9f0a1b2c',
  startedAt: '2024-05-01T09:15:10.000000-07:00',
  endedAt: '2024-05-01T09:31:44.000000-07:00',
  htmlBody: '<p>Hi, does the team plan include SSO?</p>',
  textBody: 'Hi, does the team plan include SSO?',
  messages: [
    {
      text: 'Hi, does the team plan include SSO?',
      ts: '1714580110.000100',
      sentAt: '2024-05-01T09:15:10.000100-07:00',
      userId: '',
      username: 'portland-oregon-us',
      isVisitorMsg: true,
    },
    {
      text: 'It does!',
      ts: '1714580150.000200',
      sentAt: '2024-05-01T09:15:50.000200-07:00',
      userId: 'U0AGENT01',
      username: 'Sam A.',
      isVisitorMsg: false,
    },
  ],
  visitorEmail: 'lin@example.com',
  replyToEmail: 'lin@example.com',
  visitorName: 'Lin Park',
};

export const CHATLIO_DELIVERIES: readonly Record<string, unknown>[] = [
  conversationEvent('Hi, does the team plan include SSO?'),
  {
    name: 'Bob Smith',
    email: 'bob@example.com',
    emailPretty: '"Bob Smith" <bob@example.com>',
    message: 'Please call me back about an invoice.',
    visitor: BOB,
  },
  conversationEvent('Anyone there? I need to decide today.'),
  conversationEvent('Great help, thanks!'),
  TRANSCRIPT,
];
