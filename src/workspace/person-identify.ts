import type { ChangedValues } from '../generated/workspace/change.js';
import { attachAnonymousId } from './anonymous.js';
import type { Apply } from './context.js';
import { identifiersOf } from './context.js';
import { describeRef, emailKey, findPerson, isSuppressed, setEmail, setId } from './identifiers.js';
import { applyLinks, parseV1Relationships, type ObjectLink } from './links.js';
import { applyPersonAttributes } from './person-attributes.js';
import { createPerson } from './person-ops.js';
import { put } from './record.js';
import type { Attributes, Person, PersonRef } from './types.js';

export type IdentifyInput = {
  ref: PersonRef;
  /** The identify body: attributes plus the reserved keys of track-spec PUT /api/v1/customers/{identifier}. */
  attributes: Attributes;
  /** Relationships to add: v2's top-level cio_relationships, or the destination's traits.objectId. */
  relationships?: readonly ObjectLink[];
};

type Target = { person: Person | undefined; id: string | undefined; email: string | undefined };

/**
 * Creates or updates a person the way Customer.io resolves identifiers (track-spec PUT
 * /api/v1/customers/{identifier}): the path identifier finds the person; failing that, an id or
 * email in the body does, and that person is given the path's identifier (a new id with a known
 * email updates that person). Identifiers that point at different people, or that would replace one
 * already set (only a cio_id reference may change them), change nothing and log an Attribute Update
 * Failure. With `_update: true` nobody is created. A suppressed identifier is ignored.
 */
export function identifyPerson(apply: Apply, input: IdentifyInput): Person | undefined {
  const { attributes } = input;
  const bodyId = nonEmpty(typeof attributes.id === 'number' ? String(attributes.id) : attributes.id);
  const bodyEmail = nonEmpty(attributes.email);
  const refs: PersonRef[] = [input.ref];
  if (bodyId !== undefined) refs.push({ id: bodyId });
  if (bodyEmail !== undefined) refs.push({ email: bodyEmail });
  const suppressed = refs.find((ref) => isSuppressed(apply.workspace, ref));
  if (suppressed) {
    apply.problem('suppressed', `${describeRef(suppressed)} is suppressed`, '/identifier');
    return undefined;
  }
  const target = resolveTarget(apply, input.ref, bodyId, bodyEmail);
  if (!target) return undefined;
  if (!target.person && attributes._update === true) {
    fail(apply, 'person_not_found', `no person has ${describeRef(input.ref)} and _update is set`, undefined);
    return undefined;
  }
  const created = !target.person;
  const person = target.person ?? createPerson(apply, { id: target.id, email: target.email });
  const changed: ChangedValues = created ? {} : setIdentifiers(apply, person, target);
  for (const [key, value] of Object.entries(applyPersonAttributes(person, attributes, apply.timestamp))) {
    put(changed, key, value);
  }
  announce(apply, person, changed);
  const anonymousId = nonEmpty(attributes.anonymous_id);
  if (anonymousId !== undefined) attachAnonymousId(apply, person, anonymousId, '/attributes/anonymous_id');
  const v1 = parseV1Relationships(attributes.cio_relationships);
  if (v1) applyLinks(apply, { person }, v1.links, v1.action);
  if (input.relationships) applyLinks(apply, { person }, input.relationships, 'add_relationships');
  return person;
}

function resolveTarget(apply: Apply, ref: PersonRef, bodyId?: string, bodyEmail?: string): Target | undefined {
  const { workspace } = apply;
  const owners = (id?: string, email?: string): Person[] =>
    distinct([
      id === undefined ? undefined : findPerson(workspace, { id }),
      email === undefined ? undefined : findPerson(workspace, { email }),
    ]);
  if ('cio_id' in ref) {
    // "If the cio_id does not exist or belongs to a person who was deleted, we'll drop the request."
    const person = findPerson(workspace, ref);
    if (!person) return fail(apply, 'person_not_found', `no person has ${describeRef(ref)}`, undefined);
    if (owners(bodyId, bodyEmail).some((owner) => owner !== person)) {
      return fail(apply, 'conflicting_identifiers', 'the id or email belongs to another person', person);
    }
    return { person, id: bodyId, email: bodyEmail };
  }
  const pathPerson = findPerson(workspace, ref);
  const ids = distinctBy(['id' in ref ? ref.id : undefined, bodyId], (id) => id);
  const emails = distinctBy(['email' in ref ? ref.email : undefined, bodyEmail], emailKey);
  if (ids.length > 1 || emails.length > 1) {
    return fail(apply, 'conflicting_identifiers', 'the body names a different person than the path', pathPerson);
  }
  const [id] = ids;
  const [email] = emails;
  const candidates = owners(id, email);
  if (candidates.length > 1) {
    return fail(
      apply,
      'conflicting_identifiers',
      `id "${id}" and email "${email}" belong to different people`,
      pathPerson,
    );
  }
  const [person] = candidates;
  const replacesId = person?.id !== undefined && id !== undefined && person.id !== id;
  const replacesEmail =
    person?.email !== undefined && email !== undefined && emailKey(person.email) !== emailKey(email);
  if (person && (replacesId || replacesEmail)) {
    const which = replacesId ? `id "${person.id}"` : `email "${person.email}"`;
    return fail(
      apply,
      'conflicting_identifiers',
      `the person already has ${which}; address them by cio_id to change it`,
      person,
    );
  }
  return { person, id, email };
}

function setIdentifiers(apply: Apply, person: Person, { id, email }: Target): ChangedValues {
  const changed: ChangedValues = {};
  if (id !== undefined && person.id !== id) {
    changed.id = { from: person.id ?? null, to: id };
    setId(apply.workspace, person, id, apply.timestamp);
  }
  if (email !== undefined && (person.email === undefined || emailKey(person.email) !== emailKey(email))) {
    changed.email = { from: person.email ?? null, to: email };
    setEmail(apply.workspace, person, email, apply.timestamp);
  }
  return changed;
}

function announce(apply: Apply, person: Person, changed: ChangedValues): void {
  const keys = Object.keys(changed);
  if (keys.length === 0) return;
  person.updatedAt = apply.timestamp;
  const identifiers = identifiersOf(person);
  apply.change({ kind: 'person.attributes', cio_id: person.cio_id, identifiers, changed: structuredClone(changed) });
  // One activity per attribute, named after it, with the App API's {name: {from, to}} data.
  for (const key of keys) {
    const data: Record<string, unknown> = {};
    put(data, key, structuredClone(changed[key]));
    apply.activity({ type: 'attribute_change', name: key, timestamp: apply.timestamp, data, person });
  }
}

/** Customer.io's Attribute Update Failure: nothing changes, the failure is logged. */
function fail(
  apply: Apply,
  reason: 'conflicting_identifiers' | 'person_not_found',
  message: string,
  person: Person | undefined,
): undefined {
  apply.problem(reason, message, '/identifier');
  apply.change({ kind: 'person.failed', reason, message, cio_id: person?.cio_id ?? null });
  apply.activity({ type: 'failed_attribute_change', timestamp: apply.timestamp, data: { reason, message }, person });
  return undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function distinct<T>(values: readonly (T | undefined)[]): T[] {
  return [...new Set(values.filter((value): value is T => value !== undefined))];
}

function distinctBy(values: readonly (string | undefined)[], key: (value: string) => string): string[] {
  const seen = new Map<string, string>();
  for (const value of values) if (value !== undefined && !seen.has(key(value))) seen.set(key(value), value);
  return [...seen.values()];
}
