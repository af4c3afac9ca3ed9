import type { ChangedValues } from '../generated/workspace/change.js';
import { drop, isRecord, own, put, sameValue } from './record.js';
import type { Attributes, Person } from './types.js';
import { isRemoval, parseUnsubscribed, toUnixSeconds } from './values.js';

const PREFERENCES = 'cio_subscription_preferences';

/**
 * Keys of an identify body that are not plain attributes (track-spec PUT
 * /api/v1/customers/{identifier}): identifiers, the `_update`/`_timestamp` controls and
 * relationships are handled by identify itself; cio_id cannot be set.
 */
const CONTROL_KEYS = new Set(['id', 'email', 'cio_id', 'anonymous_id', '_update', '_timestamp', 'cio_relationships']);

/**
 * Applies an identify body's attributes to a person and returns what changed. Reserved
 * attributes land in their own fields: created_at (Unix seconds), unsubscribed (true, "true" in
 * any case, 1 or "1"), cio_subscription_preferences (replaced whole, or one leaf at a time with
 * dot notation such as `cio_subscription_preferences.topics.topic_1`). null or "" removes.
 */
export function applyPersonAttributes(person: Person, attributes: Attributes, timestamp: number): ChangedValues {
  const changed: ChangedValues = {};
  const note = (key: string, from: unknown, to: unknown): void => {
    if (sameValue(from, to)) return;
    put(changed, key, { from: from ?? null, to: to ?? null });
    if (to === undefined) drop(person.timestamps, key);
    else put(person.timestamps, key, timestamp);
  };
  for (const [key, value] of Object.entries(attributes)) {
    if (CONTROL_KEYS.has(key)) continue;
    if (key === 'created_at') {
      const createdAt = toUnixSeconds(value);
      if (createdAt === undefined) continue;
      note(key, person.createdAt, createdAt);
      person.createdAt = createdAt;
    } else if (key === 'unsubscribed') {
      const unsubscribed = parseUnsubscribed(value);
      note(key, person.unsubscribed, unsubscribed);
      person.unsubscribed = unsubscribed;
    } else if (key === PREFERENCES || key.startsWith(`${PREFERENCES}.`)) {
      const before = structuredClone(person.cio_subscription_preferences);
      setPreference(person, key.split('.').slice(1), value);
      note(PREFERENCES, before, person.cio_subscription_preferences);
    } else {
      const before = own(person.attributes, key);
      if (isRemoval(value)) drop(person.attributes, key);
      else put(person.attributes, key, structuredClone(value));
      note(key, before, isRemoval(value) ? undefined : value);
    }
  }
  return changed;
}

function setPreference(person: Person, path: string[], value: unknown): void {
  if (path.length === 0) {
    person.cio_subscription_preferences = isRecord(value) ? structuredClone(value) : {};
    return;
  }
  let node: Record<string, unknown> = person.cio_subscription_preferences;
  for (const step of path.slice(0, -1)) {
    const next = own(node, step);
    if (!isRecord(next)) put(node, step, {});
    node = own(node, step) as Record<string, unknown>;
  }
  const leaf = path[path.length - 1] as string;
  // "An empty or missing value reverts to the default preference for the topic."
  if (isRemoval(value)) drop(node, leaf);
  else put(node, leaf, structuredClone(value));
}

/** Attributes of `source` the target has not set, copied over; returns their names. */
export function fillMissingAttributes(target: Person, source: Person, timestamp: number): string[] {
  const filled: string[] = [];
  for (const [key, value] of Object.entries(source.attributes)) {
    if (!isRemoval(own(target.attributes, key) ?? null)) continue;
    put(target.attributes, key, structuredClone(value));
    put(target.timestamps, key, timestamp);
    filled.push(key);
  }
  return filled;
}
