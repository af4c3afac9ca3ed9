import { drop, own, put } from './record.js';
import type { Person, PersonRef, Workspace } from './types.js';

// The destination's resolveIdentifiers (segmentio/action-destinations customerio/utils.ts)
// validates emails with ajv-formats' full `email` format; this is the same pattern.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function isEmailShaped(value: string): boolean {
  return EMAIL.test(value);
}

/** Emails are one identifier whatever their case (track-spec PUT /api/v1/customers/{identifier}). */
export function emailKey(email: string): string {
  return email.toLowerCase();
}

/**
 * What a bare identifier names, as the destination and the Track API path read it:
 * "cio_<value>" is a cio_id, an email-shaped value an email, anything else an id.
 */
export function resolvePersonRef(value: string): PersonRef {
  if (value.startsWith('cio_')) return { cio_id: value.slice('cio_'.length) };
  return isEmailShaped(value) ? { email: value } : { id: value };
}

export function describeRef(ref: PersonRef): string {
  if ('cio_id' in ref) return `cio_id "${ref.cio_id}"`;
  return 'email' in ref ? `email "${ref.email}"` : `id "${ref.id}"`;
}

export function findPerson(workspace: Workspace, ref: PersonRef): Person | undefined {
  const { people, index } = workspace;
  const cioId =
    'cio_id' in ref ? ref.cio_id : 'email' in ref ? own(index.email, emailKey(ref.email)) : own(index.id, ref.id);
  return cioId === undefined ? undefined : own(people, cioId);
}

export function findByAnonymousId(workspace: Workspace, anonymousId: string): Person | undefined {
  const cioId = own(workspace.index.anonymous_id, anonymousId);
  return cioId === undefined ? undefined : own(workspace.people, cioId);
}

/** A suppressed id or email cannot come back until unsuppressed (track-spec .../suppress). */
export function isSuppressed(workspace: Workspace, ref: PersonRef): boolean {
  if ('id' in ref) return own(workspace.suppressed.id, ref.id) === true;
  if ('email' in ref) return own(workspace.suppressed.email, emailKey(ref.email)) === true;
  return false;
}

export function setId(workspace: Workspace, person: Person, id: string, timestamp: number): void {
  if (person.id !== undefined) drop(workspace.index.id, person.id);
  person.id = id;
  person.timestamps.id = timestamp;
  put(workspace.index.id, id, person.cio_id);
}

export function setEmail(workspace: Workspace, person: Person, email: string, timestamp: number): void {
  if (person.email !== undefined) drop(workspace.index.email, emailKey(person.email));
  person.email = email;
  person.timestamps.email = timestamp;
  put(workspace.index.email, emailKey(email), person.cio_id);
}

export function addAnonymousId(workspace: Workspace, person: Person, anonymousId: string): void {
  if (!person.anonymousIds.includes(anonymousId)) person.anonymousIds.push(anonymousId);
  put(workspace.index.anonymous_id, anonymousId, person.cio_id);
}

/** Removes a person and every index entry that points at them. */
export function unindexPerson(workspace: Workspace, person: Person): void {
  const { index } = workspace;
  if (person.id !== undefined) drop(index.id, person.id);
  if (person.email !== undefined) drop(index.email, emailKey(person.email));
  for (const anonymousId of person.anonymousIds) drop(index.anonymous_id, anonymousId);
  for (const device of person.devices) drop(index.device, device.token);
  drop(workspace.people, person.cio_id);
}
