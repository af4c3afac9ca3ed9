import { randomUUID } from 'node:crypto';

/**
 * Request bodies shaped like what @customerio/cdp-analytics-node sends (reference note
 * customerio-cdp.md, "Event shape"): type, ids, properties, integrations, context.library,
 * _metadata, timestamp and a messageId. Every request gets fresh messageIds, because a
 * repeated one takes the duplicate path and would measure something else.
 */
export type BodySource = (n: number) => string;

export const WRITE_KEY = 'bench-write-key';
export const EVENTS_PER_BATCH = 100;
const ID = '@ID@';
const USERS = 100;

function trackEvent(userId: string, messageId: string, timestamp: string): Record<string, unknown> {
  return {
    type: 'track',
    userId,
    event: 'Order Completed',
    properties: {
      orderId: `order-${userId}`,
      total: 42.5,
      currency: 'USD',
      products: [
        { productId: 'sku-1', name: 'Monopoly', price: 14, quantity: 1 },
        { productId: 'sku-2', name: 'Uno', price: 28.5, quantity: 1 },
      ],
    },
    integrations: {},
    context: { library: { name: '@customerio/cdp-analytics-node', version: '0.5.9' } },
    _metadata: { nodeVersion: process.versions.node, jsRuntime: 'node' },
    timestamp,
    messageId,
  };
}

/** A run-unique prefix so that two runs against one emulator never share a messageId. */
export function runPrefix(): string {
  return `bench-${randomUUID().slice(0, 8)}`;
}

/** POST /v1/track bodies: one event, user rotating over a small pool. */
export function trackBodies(prefix: string): BodySource {
  const timestamp = new Date().toISOString();
  const templates = Array.from({ length: USERS }, (_, u) =>
    JSON.stringify(trackEvent(`user-${u}`, ID, timestamp)).split(ID),
  );
  return (n) => templates[n % USERS]!.join(`${prefix}-${n}`);
}

/** POST /v1/batch bodies: `{"batch":[…]}` with EVENTS_PER_BATCH events, as the node client posts. */
export function batchBodies(prefix: string): BodySource {
  const timestamp = new Date().toISOString();
  const batch = Array.from({ length: EVENTS_PER_BATCH }, (_, i) =>
    trackEvent(`user-${i % USERS}`, `${ID}-${i}`, timestamp),
  );
  const parts = JSON.stringify({ batch }).split(ID);
  return (n) => parts.join(`${prefix}-${n}`);
}

/** `Authorization` for a write key: HTTP Basic with the key as user and an empty password. */
export function basicAuth(writeKey: string): string {
  return `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
}

/**
 * A state export (`cdp-emulator/state@1`) holding `count` retained events as the emulator
 * itself would have journaled them, serialised directly to keep the generator cheap.
 */
export function stateExport(count: number): string {
  const receivedAt = new Date().toISOString();
  const events: string[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const payload = {
      ...trackEvent(`user-${seq % USERS}`, `preload-${seq}`, receivedAt),
      context: { library: { name: '@customerio/cdp-analytics-node', version: '0.5.9' }, ip: '127.0.0.1' },
      receivedAt,
      version: 1.1,
    };
    const record = {
      seq,
      id: randomUUID(),
      receivedAt,
      api: 'pipelines',
      type: 'track',
      valid: true,
      errors: [],
      writeKey: WRITE_KEY,
      payload,
    };
    events.push(JSON.stringify(record));
  }
  return `{"format":"cdp-emulator/state@1","seq":${count},"events":[${events.join(',')}]}`;
}
