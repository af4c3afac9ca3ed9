import { hasActivity } from './activity-index.js';
import type { Apply } from './context.js';
import { findByAnonymousId, findPerson, isEmailShaped } from './identifiers.js';
import { ensurePerson } from './person-ops.js';
import type { Activity, Attributes, PersonRef } from './types.js';

export type EventKind = 'event' | 'page' | 'screen';
export type EventInput = { type: EventKind; name: string; data: Attributes; id?: string };

/**
 * An event, page view or screen view for a person (created when new). An `id` already in the
 * log makes it a duplicate, which Customer.io drops ("A valid ULID used to deduplicate events",
 * track-spec person_event.id).
 */
export function trackPersonEvent(apply: Apply, ref: PersonRef, input: EventInput): Activity | undefined {
  if (isDuplicate(apply, input.id)) return undefined;
  const person = ensurePerson(apply, ref);
  if (!person) return undefined;
  return apply.activity({ ...eventFields(apply, input), person });
}

/**
 * An event without a known person. It is kept against its anonymous id, and belongs to the person
 * who already carries that id, if any ("any events bearing the same anonymous value are associated
 * with this person", track-spec anonymous_id).
 */
export function trackAnonymousEvent(
  apply: Apply,
  anonymousId: string | undefined,
  input: EventInput,
): Activity | undefined {
  if (isDuplicate(apply, input.id)) return undefined;
  const person = anonymousId === undefined ? undefined : findByAnonymousId(apply.workspace, anonymousId);
  return apply.activity({ ...eventFields(apply, input), anonymous_id: anonymousId, person });
}

export type DeliveryInput = {
  delivery_id: string;
  metric: string;
  recipient?: string;
  reason?: string;
  href?: string;
  metadata?: Attributes;
};

/**
 * A delivery metric (track-spec POST /api/v1/metrics). The emulator sends no messages, so the
 * channel is inferred: an email recipient means email, anything else push, the channel the SDKs
 * report for; the activity type follows the App API's `<metric>_<channel>` pattern.
 */
export function reportDelivery(apply: Apply, ref: PersonRef | undefined, input: DeliveryInput): Activity {
  const channel = input.recipient !== undefined && isEmailShaped(input.recipient) ? 'email' : 'push';
  const { delivery_id, metric, ...rest } = input;
  const person = ref === undefined ? undefined : findPerson(apply.workspace, ref);
  return apply.activity({
    type: `${metric}_${channel}`,
    name: metric,
    timestamp: apply.timestamp,
    data: structuredClone({ delivery_id, ...rest }),
    delivery_id,
    delivery_type: channel,
    person,
  });
}

function eventFields(apply: Apply, input: EventInput) {
  return {
    type: input.type,
    name: input.name,
    timestamp: apply.timestamp,
    // The event's own data, not a copy: activities are never changed once logged.
    data: input.data,
    ...(input.id === undefined ? {} : { id: input.id }),
  };
}

function isDuplicate(apply: Apply, id: string | undefined): boolean {
  return id !== undefined && hasActivity(apply.workspace, id);
}
