import type { EventType } from './event-types.js';

/** The API version the vendor stamps on events; the spec's examples all show 1.1. */
export const API_VERSION = 1.1;

export type EnrichContext = {
  type: EventType;
  receivedAt: Date;
  ip: string | undefined;
  /** `context`, `integrations` and `sentAt` given once for a whole /batch request. */
  batch: { context?: unknown; integrations?: unknown; sentAt?: unknown } | undefined;
  newMessageId: () => string;
};

/**
 * The event as the vendor stores it: `type` from the endpoint, `messageId` when absent,
 * `receivedAt`, `version`, batch-level context and integrations merged under the item's own,
 * `context.ip` from the request, and `timestamp` corrected for client clock skew with
 * Segment's rule timestamp = receivedAt − (sentAt − originalTimestamp) (reference §2).
 */
export function enrich(item: Readonly<Record<string, unknown>>, ctx: EnrichContext): Record<string, unknown> {
  const { writeKey: _credential, ...event } = item;
  const receivedAt = ctx.receivedAt.toISOString();
  const context = mergeDefaults(asObject(event.context), asObject(ctx.batch?.context));
  if (ctx.ip !== undefined && context.ip === undefined) context.ip = ctx.ip;
  const integrations = mergeDefaults(asObject(event.integrations), asObject(ctx.batch?.integrations));
  const sentAt = event.sentAt ?? ctx.batch?.sentAt;
  const original = event.originalTimestamp ?? event.timestamp;
  return {
    ...event,
    type: ctx.type,
    messageId: typeof event.messageId === 'string' && event.messageId !== '' ? event.messageId : ctx.newMessageId(),
    // A context or integrations of the wrong type is kept as sent, so that validation reports
    // it instead of the event passing with an empty object in its place.
    context: isWrongType(event.context) ? event.context : context,
    integrations: isWrongType(event.integrations) ? event.integrations : integrations,
    ...(sentAt !== undefined ? { sentAt } : {}),
    // An unreadable client timestamp stays where the client put it, for validation to report once.
    ...(toMillis(original) !== undefined ? { originalTimestamp: original } : {}),
    timestamp: correctedTimestamp(original, sentAt, ctx.receivedAt) ?? event.timestamp ?? receivedAt,
    receivedAt,
    version: API_VERSION,
  };
}

function correctedTimestamp(original: unknown, sentAt: unknown, receivedAt: Date): string | undefined {
  const originalMs = toMillis(original);
  if (originalMs === undefined) return undefined;
  const sentMs = toMillis(sentAt);
  if (sentMs === undefined) return new Date(originalMs).toISOString();
  return new Date(receivedAt.getTime() - (sentMs - originalMs)).toISOString();
}

function toMillis(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A copy of `own` with `defaults` filled in beneath it, recursively for nested objects. */
function mergeDefaults(own: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(own)) {
    const base = out[key];
    out[key] = isPlainObject(value) && isPlainObject(base) ? mergeDefaults(value, base) : value;
  }
  return out;
}

/** Present, not null, and not an object: what no merge can use. */
function isWrongType(value: unknown): boolean {
  return value !== undefined && value !== null && !isPlainObject(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
