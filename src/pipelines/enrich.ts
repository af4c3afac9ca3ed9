import type { EventType } from './event-types.js';

/** The API version the vendor stamps on events; the spec's examples all show 1.1. */
export const API_VERSION = 1.1;

export type EnrichContext = {
  type: EventType;
  /** When the request arrived, once per request: as epoch ms and as the ISO string stored. */
  receivedAt: { ms: number; iso: string };
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
 * The item is the request's own parsed JSON, so its nested objects are reused, not copied:
 * this runs once per event on the ingest hot path.
 */
export function enrich(item: Readonly<Record<string, unknown>>, ctx: EnrichContext): Record<string, unknown> {
  // A plain copy loop: object rest/spread with an excluded key is several times slower in V8.
  const event: Record<string, unknown> = {};
  for (const key in item) if (key !== 'writeKey' && !isNullId(key, item[key])) event[key] = item[key];
  const sentAt = event.sentAt ?? ctx.batch?.sentAt;
  const original = event.originalTimestamp ?? event.timestamp;
  const originalMs = toMillis(original);
  const sentMs = toMillis(sentAt);
  const context = withDefaults(event.context, ctx.batch?.context);
  if (ctx.ip !== undefined && isPlainObject(context) && context.ip === undefined) context.ip = ctx.ip;
  event.type = ctx.type;
  if (typeof event.messageId !== 'string' || event.messageId === '') event.messageId = ctx.newMessageId();
  event.context = context;
  event.integrations = withDefaults(event.integrations, ctx.batch?.integrations);
  if (sentAt !== undefined) event.sentAt = sentAt;
  // An unreadable client timestamp stays where the client put it, for validation to report once.
  if (originalMs !== undefined) event.originalTimestamp = original;
  event.timestamp =
    originalMs === undefined
      ? (event.timestamp ?? ctx.receivedAt.iso)
      : sentMs === undefined
        ? original
        : new Date(ctx.receivedAt.ms - (sentMs - originalMs)).toISOString();
  event.receivedAt = ctx.receivedAt.iso;
  event.version = API_VERSION;
  return event;
}

/**
 * The item's object with the batch-level one merged beneath it. A value of the wrong type is
 * kept as sent, so that validation reports it instead of the event passing with `{}` in its place.
 */
function withDefaults(own: unknown, defaults: unknown): unknown {
  if (own !== undefined && own !== null && !isPlainObject(own)) return own;
  if (!isPlainObject(defaults)) return isPlainObject(own) ? own : {};
  return mergeDefaults(asObject(own), defaults);
}

/**
 * A null id is an absent one: the browser SDK sends `"userId": null` until someone is
 * identified, and `"anonymousId": null` for a known user's web push device deletion
 * (customerio/cdp-analytics-js packages/browser/src/plugins/customerio/normalize.ts:
 * `json.userId = json.userId || user.id()`, and `user.id()` is null when anonymous).
 */
function isNullId(key: string, value: unknown): boolean {
  return value === null && (key === 'userId' || key === 'anonymousId');
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
