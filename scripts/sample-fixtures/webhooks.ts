import { conversationEvent, OFFLINE, TRANSCRIPT } from '../../test/fixtures/aep/chatlio-webhooks.js';
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
export const CHATLIO_DELIVERIES: readonly Record<string, unknown>[] = [
  conversationEvent('Hi, does the team plan include SSO?'),
  OFFLINE,
  conversationEvent('Anyone there? I need to decide today.'),
  conversationEvent('Great help, thanks!'),
  TRANSCRIPT,
];
