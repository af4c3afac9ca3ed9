import { expect } from 'vitest';
import type { EventRecord } from '../../src/journal/state.js';

/**
 * What @customerio/cdp-analytics-node and @segment/analytics-node have in common: the six
 * calls with a `(err, ctx)` callback that fires once delivery finished or failed for good,
 * and the `http_request` event each emits before every attempt (retries included).
 */
export type DeliveryCallback = (err?: unknown, ctx?: { event: { messageId?: string } }) => void;
type Ids = { userId: string; anonymousId?: string };
type Props = Record<string, unknown>;

export interface TrackingClient {
  identify(params: Ids & { traits?: Props }, callback?: DeliveryCallback): void;
  track(params: Ids & { event: string; properties?: Props }, callback?: DeliveryCallback): void;
  page(params: Ids & { name?: string; properties?: Props }, callback?: DeliveryCallback): void;
  screen(params: Ids & { name?: string; properties?: Props }, callback?: DeliveryCallback): void;
  group(params: Ids & { groupId: string; traits?: Props }, callback?: DeliveryCallback): void;
  alias(params: { userId: string; previousId: string }, callback?: DeliveryCallback): void;
  on(event: 'http_request', listener: (request: HttpRequest) => void): unknown;
  closeAndFlush(options?: { timeout?: number }): Promise<void>;
}

export type HttpRequest = { url: string; method: string; headers: Record<string, string>; body: string };
export type SentBody = { batch: Record<string, unknown>[]; writeKey?: string; sentAt?: string };
export type Delivery = { err: unknown; messageId: string | undefined };
export type CallType = 'identify' | 'track' | 'page' | 'screen' | 'group' | 'alias';

/** Calls `send` and resolves once the client reports the event delivered or given up on. */
export function deliver<P>(send: (params: P, callback: DeliveryCallback) => void, params: P): Promise<Delivery> {
  return new Promise((resolve) => send(params, (err, ctx) => resolve({ err, messageId: ctx?.event.messageId })));
}

/** Every HTTP attempt the client makes, with its body parsed, in the order they were made. */
export function captureRequests(
  client: TrackingClient,
): { url: string; headers: Record<string, string>; body: SentBody }[] {
  const requests: { url: string; headers: Record<string, string>; body: SentBody }[] = [];
  client.on('http_request', ({ url, headers, body }) =>
    requests.push({ url, headers, body: JSON.parse(body) as SentBody }),
  );
  return requests;
}

export const USER_ID = 'user-42';
export const ANONYMOUS_ID = 'anon-7';
export const CREATED_AT = '2025-03-04T05:06:07.000Z';

/** One call of each type, with what the emulator's payload must then carry. */
export const EVERY_CALL = {
  identify: {
    userId: USER_ID,
    anonymousId: ANONYMOUS_ID,
    traits: { email: 'ada@example.com', createdAt: CREATED_AT, plan: 'pro' },
  },
  track: {
    userId: USER_ID,
    event: 'Order Completed',
    properties: { orderId: 'o-1', total: 19.99, items: [{ sku: 'a' }] },
  },
  page: { userId: USER_ID, name: 'Pricing', properties: { url: 'https://example.com/pricing', title: 'Pricing' } },
  screen: { userId: USER_ID, name: 'Settings', properties: { tab: 'privacy' } },
  group: {
    userId: USER_ID,
    groupId: 'acme',
    traits: { name: 'Acme', object_type_id: '1', relationshipAttributes: { role: 'admin' } },
  },
  alias: { userId: USER_ID, previousId: ANONYMOUS_ID },
} as const;

export const CALL_TYPES = Object.keys(EVERY_CALL) as CallType[];

/** Sends one call of each type through `client` and resolves with each call's delivery. */
export function sendEveryCall(client: TrackingClient): Record<CallType, Promise<Delivery>> {
  return {
    identify: deliver(client.identify, structuredClone(EVERY_CALL.identify)),
    track: deliver(client.track, structuredClone(EVERY_CALL.track)),
    page: deliver(client.page, structuredClone(EVERY_CALL.page)),
    screen: deliver(client.screen, structuredClone(EVERY_CALL.screen)),
    group: deliver(client.group, structuredClone(EVERY_CALL.group)),
    alias: deliver(client.alias, structuredClone(EVERY_CALL.alias)),
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The record of one valid call as `EVERY_CALL` sent it, with the fields the emulator adds. */
export function expectAcceptedCall(
  record: EventRecord,
  type: CallType,
  expected: { writeKey: string; messageId: string; library: string },
): void {
  expect(record).toMatchObject({ api: 'pipelines', type, valid: true, errors: [], writeKey: expected.writeKey });
  expect(record.duplicate).toBeUndefined();
  const payload = record.payload as Record<string, unknown> & { context: Record<string, unknown> };
  expect(payload).toMatchObject({ type, messageId: expected.messageId, version: 1.1 });
  // Ids, traits and properties arrive exactly as sent: nothing added, dropped or coerced.
  for (const [key, value] of Object.entries(EVERY_CALL[type])) expect(payload[key], key).toEqual(value);
  if (!('anonymousId' in EVERY_CALL[type])) expect(payload.anonymousId).toBeUndefined();
  expect(payload.context).toMatchObject({ ip: '127.0.0.1', library: { name: expected.library } });
  expect(payload.receivedAt).toMatch(ISO);
  expect(payload.receivedAt).toBe(record.receivedAt);
  expect(payload.timestamp).toMatch(ISO);
  expect(payload.originalTimestamp).toMatch(ISO);
  // The credential is never copied into the stored event.
  expect(payload).not.toHaveProperty('writeKey');
}

export const ISO_TIMESTAMP = ISO;
