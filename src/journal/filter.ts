import type { EventFilter } from '../generated/control/event-filter.js';
import type { EventRecord } from '../generated/control/event-record.js';
import type { Problem } from '../generated/control/problem.js';

export type { EventFilter };

/** Checks a filter against schemas/control/event-filter.json; passed in so the journal needs no schema code. */
export type FilterValidator = (filter: unknown) => Problem[];

const PAYLOAD_FIELDS = ['event', 'userId', 'anonymousId', 'messageId'] as const;
const RECORD_FIELDS = ['api', 'type', 'writeKey', 'flowId', 'datasetId', 'workspace', 'valid'] as const;
const FILTER_KEYS: ReadonlySet<string> = new Set([...PAYLOAD_FIELDS, ...RECORD_FIELDS, 'since']);

/**
 * Reads a filter from query-string values (`valid=true`, `since=12`). Keys in `otherKeys`
 * (`limit`, `count`...) are left to the caller; any other key is a problem, so that a typo
 * such as `userid=` is not silently read as "no filter".
 */
export function parseEventFilter(
  query: Readonly<Record<string, unknown>>,
  validate: FilterValidator,
  otherKeys: readonly string[] = [],
): { filter: EventFilter; problems: Problem[] } {
  const raw: Record<string, unknown> = {};
  const unknown: Problem[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (otherKeys.includes(key)) continue;
    if (!FILTER_KEYS.has(key)) {
      unknown.push({ path: `/${key}`, message: `is not a filter (filters: ${[...FILTER_KEYS].join(', ')})` });
      continue;
    }
    raw[key] = key === 'valid' ? toBoolean(value) : key === 'since' ? toInteger(value) : value;
  }
  const problems = [...unknown, ...validate(raw)];
  return { filter: problems.length ? {} : (raw as EventFilter), problems };
}

export function matchesFilter(record: EventRecord, filter: EventFilter): boolean {
  // Workspace changes are not received events: they are listed only when asked for by api.
  if (record.api === 'workspace' && filter.api !== 'workspace') return false;
  if (filter.since !== undefined && record.seq <= filter.since) return false;
  for (const key of RECORD_FIELDS) {
    if (filter[key] !== undefined && record[key] !== filter[key]) return false;
  }
  const payload = record.payload as Record<string, unknown> | null;
  for (const key of PAYLOAD_FIELDS) {
    if (filter[key] === undefined) continue;
    if (typeof payload !== 'object' || payload === null) return false;
    // A workspace change names its person by identifiers: userId there is the person's id.
    const identifiers = payload.identifiers as { id?: unknown } | undefined;
    const value = key === 'userId' && record.api === 'workspace' ? identifiers?.id : payload[key];
    if (value !== filter[key]) return false;
  }
  return true;
}

function toBoolean(value: unknown): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

function toInteger(value: unknown): unknown {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
}
