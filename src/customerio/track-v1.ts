import type { TrackAnonymousEventBody } from '../generated/customerio/track-anonymous-event.js';
import type { TrackDeviceBody } from '../generated/customerio/track-device.js';
import type { TrackEventBody } from '../generated/customerio/track-event.js';
import type { TrackIdentifyBody } from '../generated/customerio/track-identify.js';
import type { TrackMergeBody } from '../generated/customerio/track-merge.js';
import type { TrackMetricBody } from '../generated/customerio/track-metric.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { resolvePersonRef, type TrackOperation } from '../workspace/index.js';
import { attributeProblems, eventProblems } from './track-limits.js';
import { problemMessages } from './problems.js';
import { mergeError, v1Errors } from './track-wire.js';

// Track API v1 requests turned into the workspace model's TrackOperations. Each body is checked
// against its schema in schemas/customerio and the documented limits; a refused body throws the
// operation's 400. `now` (Unix seconds) stands in for any time the caller did not send.

export type V1Request = { identifier: string; body: unknown; now: number };

export function identifyOperation(schemas: SchemaRegistry, { identifier, body, now }: V1Request): TrackOperation {
  const attributes = checked<TrackIdentifyBody>(schemas, 'customerio/track-identify', body ?? {}, (b) => [
    ...(b.id === '' ? ['id attribute cannot be an empty string'] : []),
    ...attributeProblems(b),
  ]);
  // A path identifier is read by its shape: cio_… is a cio_id, an email an email, else an id.
  return {
    call: 'identify',
    identifier: resolvePersonRef(identifier),
    attributes,
    timestamp: attributes._timestamp ?? now,
  };
}

export function personOperation(
  call: 'delete' | 'suppress' | 'unsuppress',
  { identifier, now }: V1Request,
): TrackOperation {
  return { call, identifier: resolvePersonRef(identifier), timestamp: now };
}

/** "We automatically trim leading and trailing spaces from event names" (track-spec track). */
export function eventOperation(schemas: SchemaRegistry, { identifier, body, now }: V1Request): TrackOperation {
  const event = checked<TrackEventBody>(schemas, 'customerio/track-event', body, (b) =>
    eventProblems(b.name.trim(), b.data),
  );
  return {
    call: event.type ?? 'event',
    identifier: resolvePersonRef(identifier),
    name: event.name.trim(),
    ...defined({ id: event.id, data: event.data }),
    timestamp: event.timestamp ?? now,
  };
}

export function anonymousEventOperation(
  schemas: SchemaRegistry,
  { body, now }: Omit<V1Request, 'identifier'>,
): TrackOperation {
  const event = checked<TrackAnonymousEventBody>(schemas, 'customerio/track-anonymous-event', body, (b) =>
    eventProblems(b.name.trim(), b.data),
  );
  return {
    call: 'anonymous_event',
    type: event.type ?? 'event',
    name: event.name.trim(),
    ...defined({ anonymous_id: event.anonymous_id || undefined, id: event.id, data: event.data }),
    timestamp: event.timestamp ?? now,
  };
}

/** The v1 device's `id` is its token. */
export function addDeviceOperation(schemas: SchemaRegistry, { identifier, body, now }: V1Request): TrackOperation {
  const { device } = checked<TrackDeviceBody>(schemas, 'customerio/track-device', body);
  const { id: token, platform, last_used, attributes } = device;
  return {
    call: 'add_device',
    identifier: resolvePersonRef(identifier),
    device: { token, platform, ...defined({ last_used, attributes }) },
    timestamp: now,
  };
}

export function deleteDeviceOperation({ identifier, now }: V1Request, token: string): TrackOperation {
  return { call: 'delete_device', identifier: resolvePersonRef(identifier), token, timestamp: now };
}

/** Merge's 400 is `{"meta":{"error":"…"}}` (track-spec merge), one message. */
export function mergeOperation(schemas: SchemaRegistry, { body, now }: Omit<V1Request, 'identifier'>): TrackOperation {
  const problems = schemas.validate('customerio/track-merge', body);
  if (problems.length) throw mergeError(400, problemMessages(problems).join('; '));
  const { primary, secondary } = body as TrackMergeBody;
  return { call: 'merge', primary, secondary, timestamp: now };
}

/** A delivery metric; SMS recipients are phone numbers, kept as text. */
export function metricOperation(schemas: SchemaRegistry, { body, now }: Omit<V1Request, 'identifier'>): TrackOperation {
  const metric = checked<TrackMetricBody>(schemas, 'customerio/track-metric', body);
  return {
    call: 'delivery_metric',
    delivery_id: metric.delivery_id,
    metric: metric.metric,
    ...defined({
      recipient: metric.recipient === undefined ? undefined : String(metric.recipient),
      reason: metric.reason,
      href: metric.href,
    }),
    timestamp: metric.timestamp ?? now,
  };
}

function checked<T>(
  schemas: SchemaRegistry,
  name: string,
  body: unknown,
  limits: (value: T) => string[] = () => [],
): T {
  const problems = problemMessages(schemas.validate(name, body));
  if (problems.length) throw v1Errors(problems);
  const refused = limits(body as T);
  if (refused.length) throw v1Errors(refused);
  return body as T;
}

/** The members that are set: undefined ones would vanish from the journal anyway. */
export function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
