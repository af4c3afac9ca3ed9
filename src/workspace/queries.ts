import { emailKey, findPerson } from './identifiers.js';
import { findObject } from './objects.js';
import { decodeCursor, encodeCursor, pageByOffset, pageLimit, type PageRequest } from './paging.js';
import { own } from './record.js';
import type { Person, PersonIdentifiers, Workspace, WorkspaceObject } from './types.js';
import { activityView, customerView, type ActivityView, type CustomerView } from './views.js';

// Reads behind the App API (api.customer.io/v1), returning its documented response bodies.
// Sources: customerAttributesObject, activityObject, activityTypes and customer_identifiers in
// shared/specs/customerio/track-api-openapi.json; the App API OpenAPI (api-evangelist/customer-io
// openapi/_original/customer-io-app-api-openapi.json) for getObjectAttributes and
// getObjectRelationships; GET /v1/customers?email= answering {results:[{email, id, cio_id}]}
// per the customerio_api gem (CustomerResource#where).

/** The App API's `id_type` query parameter: how to read a `customer_id` path segment. */
export type IdType = 'id' | 'email' | 'cio_id';

export function findPersonBy(workspace: Workspace, value: string, idType: IdType = 'id'): Person | undefined {
  if (idType === 'email') return findPerson(workspace, { email: value });
  return findPerson(workspace, idType === 'cio_id' ? { cio_id: value } : { id: value });
}

/** GET /v1/customers?email=: everyone with that email, compared case-insensitively. */
export function findPeopleByEmail(workspace: Workspace, email: string): { results: PersonIdentifiers[] } {
  const people = Object.values(workspace.people).filter(
    (person) => person.email !== undefined && emailKey(person.email) === emailKey(email),
  );
  return {
    results: people.map((person) => ({ email: person.email ?? null, id: person.id ?? null, cio_id: person.cio_id })),
  };
}

/** GET /v1/customers/{customer_id}/attributes. */
export function personAttributes(person: Person): { customer: CustomerView } {
  return { customer: customerView(person) };
}

export type ActivityQuery = PageRequest & { type?: string; name?: string };

/**
 * GET /v1/customers/{customer_id}/activities (or, without a person, the workspace's
 * GET /v1/activities): newest first, filtered by `type` and `name`, paged by `start` and
 * `limit` with `next` the cursor of the following page ("" on the last).
 */
export function activities(
  workspace: Workspace,
  person: Person | undefined,
  query: ActivityQuery = {},
): { activities: ActivityView[]; next: string } {
  const before = decodeCursor(query.start);
  const limit = pageLimit(query.limit);
  const page: ActivityView[] = [];
  let lastSeq = 0;
  const log = workspace.activities;
  for (let i = log.length - 1; i >= 0; i -= 1) {
    const activity = log[i];
    if (!activity || (before !== undefined && activity.seq >= before)) continue;
    if (person && activity.cio_id !== person.cio_id) continue;
    if (query.type !== undefined && activity.type !== query.type) continue;
    if (query.name !== undefined && activity.name !== query.name) continue;
    // One match past the page proves there is a next page, which starts below the last seq shown.
    if (page.length === limit) return { activities: page, next: encodeCursor(lastSeq) };
    page.push(activityView(workspace, activity));
    lastSeq = activity.seq;
  }
  return { activities: page, next: '' };
}

/** App API object type ids are integers; the Track API passes them as strings. */
function objectTypeNumber(objectTypeId: string): number | string {
  return /^\d+$/.test(objectTypeId) ? Number(objectTypeId) : objectTypeId;
}

export type RelationshipView = {
  object_type_id: number | string;
  identifiers: { object_id: string; cio_object_id: string | null };
  attributes: Record<string, unknown>;
};

/**
 * GET /v1/customers/{customer_id}/relationships: the objects a person is related to, as
 * getPersonRelationships documents them: `object_type_id` an integer, the object's ids under
 * `identifiers`, the relationship's attributes under `attributes`.
 */
export function personRelationships(
  workspace: Workspace,
  person: Person,
  query: PageRequest = {},
): { cio_relationships: RelationshipView[]; next: string } {
  const all = workspace.relationships
    .filter((relationship) => relationship.cio_id === person.cio_id)
    .map((relationship) => {
      const { object_type_id, object_id } = relationship;
      const object = findObject(workspace, { object_type_id, object_id });
      return {
        object_type_id: objectTypeNumber(object_type_id),
        identifiers: { object_id, cio_object_id: object?.cio_object_id ?? null },
        attributes: structuredClone(relationship.attributes),
      };
    });
  const { items, next } = pageByOffset(all, query);
  return { cio_relationships: items, next };
}

export type ObjectIdType = 'object_id' | 'cio_object_id';

export function findObjectBy(
  workspace: Workspace,
  objectTypeId: string,
  value: string,
  idType: ObjectIdType = 'object_id',
): WorkspaceObject | undefined {
  if (idType === 'object_id') return findObject(workspace, { object_type_id: objectTypeId, object_id: value });
  const object = findObject(workspace, { cio_object_id: value });
  return object?.object_type_id === objectTypeId ? object : undefined;
}

/** GET /v1/objects/{object_type_id}/{object_id}/attributes. */
export function objectAttributes(object: WorkspaceObject) {
  return {
    object: {
      attributes: structuredClone(object.attributes),
      timestamps: { ...object.timestamps },
      identifiers: { object_id: object.object_id, cio_object_id: object.cio_object_id },
      object_type_id: object.object_type_id,
    },
  };
}

/** GET /v1/objects/{object_type_id}/{object_id}/relationships: the people related to an object
 * (relationships still held by an anonymous id have no person to list), with getObjectRelationships'
 * `object_type_id` (a string there) and `object_type_disabled`, plus the relationship's attributes. */
export function objectRelationships(workspace: Workspace, object: WorkspaceObject, query: PageRequest = {}) {
  const all = workspace.relationships.flatMap((relationship) => {
    if (relationship.object_type_id !== object.object_type_id || relationship.object_id !== object.object_id) return [];
    const person = relationship.cio_id === null ? undefined : own(workspace.people, relationship.cio_id);
    if (!person) return [];
    const identifiers = { cio_id: person.cio_id, id: person.id ?? null, email: person.email ?? null };
    return [
      {
        identifiers,
        object_type_id: object.object_type_id,
        object_type_disabled: false,
        relationship_attributes: structuredClone(relationship.attributes),
      },
    ];
  });
  const { items, next } = pageByOffset(all, query);
  return { cio_relationships: items, next };
}
