import { isRecord } from './record.js';

// Value rules of the Track API and of the Customer.io destination.

// The destination's isIsoDate (segmentio/action-destinations customerio/utils.ts): a date,
// optionally with a time, fraction and zone.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}((T\d{2}:\d{2}(:\d{2})?)(\.\d{1,9})?(Z|(\+|-)\d{2}:?\d{2})?)?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && isoMillis(value) !== undefined;
}

/**
 * Unix seconds of an ISO-8601 string. A time without a zone is read as UTC (the destination
 * reads it in the server's zone; UTC keeps replay independent of the host).
 */
export function isoToUnix(value: string): number | undefined {
  const ms = isoMillis(value);
  return ms === undefined ? undefined : Math.floor(ms / 1000);
}

function isoMillis(value: string): number | undefined {
  const withZone = value.includes('T') && !HAS_ZONE.test(value) ? `${value}Z` : value;
  // Date.parse does not accept "+hhmm"; the destination's pattern does.
  const ms = Date.parse(withZone.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The destination's convert_timestamp (on by default): every ISO-8601 string, at any depth of
 * nested objects (not arrays), becomes Unix seconds (customerio/utils.ts convertAttributeTimestamps).
 */
export function convertTimestamps(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = value[key];
    const converted =
      typeof item === 'string' && isIsoDate(item) ? isoToUnix(item) : isRecord(item) ? convertTimestamps(item) : item;
    // Plain assignment is several times faster; only a "__proto__" key needs defining as data.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: converted, enumerable: true, writable: true, configurable: true });
    else out[key] = converted;
  }
  return out;
}

/** Unix seconds from what `created_at`/`timestamp` fields carry: an integer, digits, or ISO-8601. */
export function toUnixSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value);
  if (typeof value !== 'string') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.floor(Number(value));
  return isoToUnix(value);
}

/** `unsubscribed`: "any case of true …, 1, or "1" … Any other value is considered false"
 * (track-spec PUT /api/v1/customers/{identifier}). */
export function parseUnsubscribed(value: unknown): boolean {
  if (value === true || value === 1 || value === '1') return true;
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

/** Customer.io drops an attribute sent as null or an empty string (track-spec object_attributes,
 * relationship_attributes; the same rule is applied to people). */
export function isRemoval(value: unknown): boolean {
  return value === null || value === '';
}

/** A shallow copy without `undefined` members, which JSON (and so the journal) would drop. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
