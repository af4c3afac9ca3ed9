import type { Apply } from './context.js';
import { identifiersOf } from './context.js';
import { describeRef, emailKey, findPerson, isSuppressed, setEmail, setId, unindexPerson } from './identifiers.js';
import { nextCioId } from './ids.js';
import { drop, put } from './record.js';
import type { Person, PersonRef } from './types.js';

/** A new person with the given identifiers; announces itself as person.created. */
export function createPerson(apply: Apply, identifiers: { id?: string; email?: string }): Person {
  const { workspace, timestamp } = apply;
  const person: Person = {
    cio_id: nextCioId(workspace),
    attributes: {},
    // The App API reports when each identifier was set, cio_id included (customerAttributesObject).
    timestamps: { cio_id: timestamp },
    anonymousIds: [],
    createdAt: timestamp,
    updatedAt: timestamp,
    unsubscribed: false,
    cio_subscription_preferences: {},
    devices: [],
  };
  put(workspace.people, person.cio_id, person);
  if (identifiers.id !== undefined) setId(workspace, person, identifiers.id, timestamp);
  if (identifiers.email !== undefined) setEmail(workspace, person, identifiers.email, timestamp);
  apply.change({ kind: 'person.created', cio_id: person.cio_id, identifiers: identifiersOf(person) });
  apply.activity({ type: 'profile_create', timestamp, data: {}, person });
  return person;
}

/**
 * The person an event, device or relationship call names, created when it is new: calls that
 * address people by id "can also create a customer" (track-spec DELETE /api/v1/customers/{identifier}).
 * A cio_id must already exist, and a suppressed identifier is ignored.
 */
export function ensurePerson(apply: Apply, ref: PersonRef, path = '/identifier'): Person | undefined {
  const found = findPerson(apply.workspace, ref);
  if (found) return found;
  if (isSuppressed(apply.workspace, ref)) {
    apply.problem('suppressed', `${describeRef(ref)} is suppressed`, path);
    return undefined;
  }
  if ('cio_id' in ref) {
    apply.problem('person_not_found', `no person has ${describeRef(ref)}`, path);
    return undefined;
  }
  return createPerson(apply, ref);
}

/** The person a call names, which must exist. */
export function existingPerson(apply: Apply, ref: PersonRef, path = '/identifier'): Person | undefined {
  const found = findPerson(apply.workspace, ref);
  if (!found) apply.problem('person_not_found', `no person has ${describeRef(ref)}`, path);
  return found;
}

/** Deleting a person removes them "and all of their information" (track-spec DELETE
 * /api/v1/customers/{identifier}): activities, devices and relationships go too. */
export function deletePerson(apply: Apply, person: Person): void {
  const { workspace } = apply;
  const identifiers = identifiersOf(person);
  unindexPerson(workspace, person);
  workspace.activities = workspace.activities.filter((activity) => activity.cio_id !== person.cio_id);
  workspace.relationships = workspace.relationships.filter((relationship) => relationship.cio_id !== person.cio_id);
  apply.change({ kind: 'person.deleted', cio_id: person.cio_id, identifiers });
  apply.activity({ type: 'profile_delete', timestamp: apply.timestamp, data: { identifiers } });
}

/**
 * Suppression deletes the profile and keeps its id and email from being added back until
 * unsuppressed; an identifier nobody has yet is suppressed all the same (track-spec .../suppress).
 */
export function suppressPerson(apply: Apply, ref: PersonRef): void {
  const person = findPerson(apply.workspace, ref);
  if (!person && 'cio_id' in ref) {
    apply.problem('person_not_found', `no person has ${describeRef(ref)}`, '/identifier');
    return;
  }
  const id = person ? (person.id ?? null) : 'id' in ref ? ref.id : null;
  const email = person ? (person.email ?? null) : 'email' in ref ? ref.email : null;
  if (person) deletePerson(apply, person);
  if (id !== null) put(apply.workspace.suppressed.id, id, true);
  if (email !== null) put(apply.workspace.suppressed.email, emailKey(email), true);
  apply.change({ kind: 'person.suppressed', id, email });
}

/** Lets a suppressed id or email be used again; the deleted profile does not come back. */
export function unsuppressPerson(apply: Apply, ref: PersonRef): void {
  if ('cio_id' in ref) {
    apply.problem('person_not_found', 'a suppressed person has no cio_id left to address them by', '/identifier');
    return;
  }
  if (!isSuppressed(apply.workspace, ref)) return;
  if ('id' in ref) drop(apply.workspace.suppressed.id, ref.id);
  else drop(apply.workspace.suppressed.email, emailKey(ref.email));
  const id = 'id' in ref ? ref.id : null;
  const email = 'email' in ref ? ref.email : null;
  apply.change({ kind: 'person.unsuppressed', id, email });
}
