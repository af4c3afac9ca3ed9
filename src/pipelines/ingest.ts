import type { EventDraft, Journal } from '../journal/journal.js';
import type { EventRecord } from '../journal/state.js';
import type { Problem, SchemaRegistry } from '../schema/registry.js';
import { writeKeyProblem } from './auth.js';
import { enrich } from './enrich.js';
import { EVENT_TYPES, isEventType, type Endpoint } from './event-types.js';

export type IngestLimits = { maxEventBytes: number; maxRequestBytes: number };

export type IngestDeps = {
  journal: Journal;
  schemas: SchemaRegistry;
  clock: () => Date;
  newMessageId: () => string;
  writeKeys: readonly string[];
  limits: IngestLimits;
  /** Runs once the request's events are journaled (and applied to their workspaces). */
  afterAppend?: () => void;
};

/** One parsed request to a tracking endpoint. */
export type IngestRequest = {
  endpoint: Endpoint;
  /** The parsed JSON body; for `batch` its shape was checked by `batchProblem`. */
  body: Record<string, unknown>;
  writeKey: string | undefined;
  ip: string | undefined;
  bodyBytes: number;
  /** For a batch over the per-event limit: each item's size as sent (batch-sizes.ts). */
  itemSizes?: readonly number[] | undefined;
  /** Strict mode answers errors; the items of a refused request are then not applied either. */
  strict: boolean;
};

/** `accepted`: answer 200. `unauthorized`/`invalid`: what strict mode answers 401/400 with. */
export type IngestOutcome = {
  status: 'accepted' | 'unauthorized' | 'invalid';
  errors: string[];
  records: EventRecord[];
};

/** Schema names per call, built once instead of per event. */
const SCHEMA_OF: Readonly<Record<string, string>> = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, `pipelines/${type}`]),
);

const REFUSED_WITH_REQUEST: Problem = { path: '', message: 'Not applied: strict mode refused the whole request' };

/** Validates, enriches and deduplicates each event of a request, then journals every one of them. */
export function createIngest(deps: IngestDeps): (request: IngestRequest) => IngestOutcome {
  return (request) => {
    const now = deps.clock();
    const receivedAt = { ms: now.getTime(), iso: now.toISOString() };
    const authProblem = writeKeyProblem(request.writeKey, deps.writeKeys);
    const items = request.endpoint === 'batch' ? (request.body.batch as unknown[]) : [request.body];
    const batch = request.endpoint === 'batch' ? request.body : undefined;
    const sizeProblem =
      request.bodyBytes > deps.limits.maxRequestBytes
        ? {
            path: '',
            message: `Request is ${request.bodyBytes} bytes, over the ${deps.limits.maxRequestBytes}-byte limit`,
          }
        : undefined;
    const seenHere = new Set<string>();
    const itemSizes = request.itemSizes?.length === items.length ? request.itemSizes : undefined;
    const drafts = items.map((item, index): EventDraft => {
      const type = request.endpoint === 'batch' ? (item as { type?: unknown } | null)?.type : request.endpoint;
      if (!isEventType(type) || typeof item !== 'object' || item === null || Array.isArray(item)) {
        return invalidItem(item, receivedAt, request.writeKey, authProblem);
      }
      const payload = enrich(item as Record<string, unknown>, {
        type,
        receivedAt,
        ip: request.ip,
        batch,
        newMessageId: deps.newMessageId,
      });
      // Built by appending: spreading four lists would allocate them all for every event.
      const errors: Problem[] = [];
      if (authProblem) errors.push(authProblem);
      if (sizeProblem) errors.push(sizeProblem);
      if (request.bodyBytes > deps.limits.maxEventBytes) {
        errors.push(...eventSizeProblems(request, item, itemSizes?.[index], deps.limits.maxEventBytes));
      }
      const schemaProblems = deps.schemas.validate(SCHEMA_OF[type]!, payload);
      if (schemaProblems.length > 0) errors.push(...schemaProblems);
      const messageId = payload.messageId as string;
      const duplicate =
        errors.length === 0 &&
        request.writeKey !== undefined &&
        (seenHere.has(messageId) || deps.journal.isDuplicate(request.writeKey, messageId));
      if (errors.length === 0) seenHere.add(messageId);
      return draft(type, payload, receivedAt, request.writeKey, errors, duplicate);
    });
    const status = authProblem ? 'unauthorized' : drafts.some((d) => !d.valid) ? 'invalid' : 'accepted';
    const refused = request.strict && status !== 'accepted';
    const journaled = refused ? drafts.map(refuse) : drafts;
    const records = deps.journal.append(journaled);
    deps.afterAppend?.();
    return { status, errors: errorLines(request.endpoint, drafts), records };
  };
}

/** What `/batch` needs before its items can be read; a body failing this is not a batch at all. */
export function batchProblem(body: Record<string, unknown>): string | undefined {
  return Array.isArray(body.batch) ? undefined : 'batch: must be an array of events';
}

type ReceivedAt = { ms: number; iso: string };

function draft(
  type: EventDraft['type'],
  payload: unknown,
  receivedAt: ReceivedAt,
  writeKey: string | undefined,
  errors: Problem[],
  duplicate: boolean,
): EventDraft {
  return {
    receivedAt: receivedAt.iso,
    api: 'pipelines',
    type,
    valid: errors.length === 0,
    errors,
    ...(duplicate ? { duplicate } : {}),
    writeKey: writeKey ?? '',
    payload,
  };
}

function invalidItem(
  item: unknown,
  receivedAt: ReceivedAt,
  writeKey: string | undefined,
  auth: Problem | undefined,
): EventDraft {
  const isObject = typeof item === 'object' && item !== null && !Array.isArray(item);
  const problem = isObject
    ? { path: '/type', message: 'must be one of "identify", "track", "page", "screen", "group", "alias"' }
    : { path: '', message: 'must be an event object' };
  // The record's type must be one of the six; `track` stands in for an item without a usable one.
  return draft('track', item, receivedAt, writeKey, [...(auth ? [auth] : []), problem], false);
}

/**
 * A single call's size is its body's; a batch item's is its size as sent, else (body not
 * measurable) its compact serialisation. No item of a body under the limit can be over it.
 */
function eventSizeProblems(
  request: IngestRequest,
  item: unknown,
  measured: number | undefined,
  max: number,
): Problem[] {
  if (request.bodyBytes <= max) return [];
  const bytes =
    request.endpoint !== 'batch' ? request.bodyBytes : (measured ?? Buffer.byteLength(JSON.stringify(item)));
  return bytes > max ? [{ path: '', message: `Event is ${bytes} bytes, over the ${max}-byte limit` }] : [];
}

function refuse(d: EventDraft): EventDraft {
  if (!d.valid) return d;
  const { duplicate: _notApplied, ...rest } = d;
  return { ...rest, valid: false, errors: [REFUSED_WITH_REQUEST] };
}

/** Strict mode's `meta.errors` lines: where (batch item index first) and what. */
function errorLines(endpoint: Endpoint, drafts: readonly EventDraft[]): string[] {
  return drafts.flatMap((d, index) =>
    d.errors.map((p) => {
      const where = `${endpoint === 'batch' ? `/batch/${index}` : ''}${p.path}`;
      return where ? `${where}: ${p.message}` : p.message;
    }),
  );
}
