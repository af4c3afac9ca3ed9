import { randomInt } from 'node:crypto';
import type { BodySource } from './bodies.js';

/**
 * What (e) sends through Adobe's Customer.io source tutorial: its target schema and mapping set,
 * and `POST /collection/batch/{inletId}` bodies, `{"messages":[…]}`, of Customer.io reporting
 * webhook deliveries as test/e2e/customerio-tutorial.test.ts describes them (Customer.io
 * "Reporting Webhooks"): `event_id` (a ULID), `object_type`, `metric`, `timestamp` in Unix
 * seconds and `data` with `identifiers {id, email, cio_id}` plus the delivery's fields.
 * Every message of every request has its own `event_id`.
 */
export const MESSAGES_PER_BATCH = 100;

const text = (title: string): object => ({ type: 'string', title });
/** The tutorial's target fields; `timestampx` is XDM's long, as Customer.io sends Unix seconds. */
export const SCHEMA = {
  title: 'Customer.io reporting webhook events (bench)',
  type: 'object',
  properties: {
    _extconndev: {
      type: 'object',
      required: ['event_id0', 'timestampx'],
      properties: {
        cio_id: text('Customer.io id'),
        email: text('Email'),
        event_id0: text('Event id'),
        metricx: text('Metric'),
        object_type1: text('Object type'),
        timestampx: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991, title: 'Timestamp' },
      },
    },
  },
};

/** The mapping of Adobe's Customer.io tutorial: source attribute → `_extconndev` field. */
export const MAPPINGS = [
  ['data.identifiers.cio_id', 'cio_id'],
  ['data.identifiers.email', 'email'],
  ['event_id', 'event_id0'],
  ['metric', 'metricx'],
  ['object_type', 'object_type1'],
  ['timestamp', 'timestampx'],
].map(([sourceAttribute, field]) => ({
  sourceAttribute,
  destinationXdmPath: `_extconndev.${field!}`,
  identity: false,
  version: 0,
}));

const ID = '@ID@';
const CUSTOMERS = 40;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `value` in Crockford base32, `width` characters, as ULIDs are written. */
function base32(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++, value = Math.floor(value / 32)) out = CROCKFORD[value % 32]! + out;
  return out;
}

const EVENTS: ReadonlyArray<[string, string]> = [
  ['email', 'sent'],
  ['email', 'delivered'],
  ['email', 'opened'],
  ['email', 'clicked'],
  ['email', 'delivered'],
  ['push', 'sent'],
  ['push', 'delivered'],
  ['push', 'opened'],
  ['email', 'bounced'],
  ['email', 'unsubscribed'],
  ['sms', 'delivered'],
  ['customer', 'subscribed'],
];

/** Delivery `i` of a request; the request's id stem replaces ID in the serialised body. */
function delivery(i: number, timestamp: number): Record<string, unknown> {
  const [objectType, metric] = EVENTS[i % EVENTS.length]!;
  const k = (i * 7) % CUSTOMERS;
  const identifiers = { id: `cust-${1000 + k}`, email: `customer${k}@example.com`, cio_id: `a3f80c${base32(k, 6)}` };
  const eventId = `${ID}${base32(i, 2)}`;
  if (objectType === 'customer')
    return {
      event_id: eventId,
      object_type: objectType,
      metric,
      timestamp,
      data: { customer_id: identifiers.id, email_address: identifiers.email, identifiers },
    };
  const data: Record<string, unknown> = {
    action_id: 96 + (i % 3),
    campaign_id: 23,
    customer_id: identifiers.id,
    delivery_id: `RPIL${ID}${base32(i, 2)}`,
    identifiers,
    recipient:
      objectType === 'email' ? identifiers.email : objectType === 'sms' ? `+1555010${base32(k, 4)}` : `fcm:token-${k}`,
    ...(objectType === 'email' ? { subject: 'Your May receipt' } : {}),
    ...(metric === 'clicked' ? { href: `https://example.com/orders/${k}`, link_id: 7 } : {}),
    ...(metric === 'bounced'
      ? { failure_message: '550 5.1.1 The email account that you tried to reach does not exist.' }
      : {}),
  };
  return { event_id: eventId, object_type: objectType, metric, timestamp, data };
}

/**
 * Batch bodies, each with fresh ULIDs: the run's 48-bit time and 7 random characters, then a
 * request counter (7) and the message index (2). The counter is the source's own, so that a
 * warm-up and the measured run after it never send the same id.
 */
export function inletBatchBodies(): BodySource {
  const now = Date.now();
  const stem = `${base32(now, 10)}${base32(randomInt(2 ** 35), 7)}`;
  const timestamp = Math.floor(now / 1000);
  const messages = Array.from({ length: MESSAGES_PER_BATCH }, (_, i) =>
    delivery(i, timestamp - (MESSAGES_PER_BATCH - i)),
  );
  const parts = JSON.stringify({ messages }).split(ID);
  let next = 0;
  return () => parts.join(`${stem}${base32(next++, 7)}`);
}
