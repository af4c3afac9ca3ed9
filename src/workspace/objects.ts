import type { ChangedValues } from '../generated/workspace/change.js';
import type { Apply } from './context.js';
import { identifiersOf } from './context.js';
import { nextCioObjectId } from './ids.js';
import { drop, own, put, sameValue } from './record.js';
import type { Attributes, ObjectRef, Person, Relationship, Workspace, WorkspaceObject } from './types.js';
import { isRemoval } from './values.js';

/** Who a relationship belongs to: a person, or an anonymous id until that person is identified. */
export type RelationTarget = { person: Person } | { anonymous_id: string };

export function findObject(workspace: Workspace, ref: ObjectRef): WorkspaceObject | undefined {
  if ('cio_object_id' in ref) {
    for (const byId of Object.values(workspace.objects)) {
      const found = Object.values(byId).find((object) => object.cio_object_id === ref.cio_object_id);
      if (found) return found;
    }
    return undefined;
  }
  const byId = own(workspace.objects, ref.object_type_id);
  return byId ? own(byId, ref.object_id) : undefined;
}

/**
 * Creates or updates an object: a new object_id creates one, an existing one is updated, and a
 * cio_object_id only ever updates (track-spec object_common_identify). null or "" removes an
 * attribute (track-spec object_attributes).
 */
export function upsertObject(apply: Apply, ref: ObjectRef, attributes: Attributes): WorkspaceObject | undefined {
  const { workspace, timestamp } = apply;
  let object = findObject(workspace, ref);
  const created = !object;
  if (!object) {
    if ('cio_object_id' in ref) {
      apply.problem('object_not_found', `no object has cio_object_id "${ref.cio_object_id}"`, '/object');
      return undefined;
    }
    object = {
      ...ref,
      cio_object_id: nextCioObjectId(workspace),
      attributes: {},
      timestamps: {},
      createdAt: timestamp,
      updatedAt: timestamp,
    };
    if (!own(workspace.objects, ref.object_type_id)) put(workspace.objects, ref.object_type_id, {});
    put(own(workspace.objects, ref.object_type_id) as Record<string, WorkspaceObject>, ref.object_id, object);
  }
  const changed = mergeAttributes(object.attributes, attributes, object.timestamps, timestamp);
  if (!created && Object.keys(changed).length === 0) return object;
  object.updatedAt = timestamp;
  const { object_type_id, object_id, cio_object_id } = object;
  apply.change({
    kind: created ? 'object.created' : 'object.updated',
    object_type_id,
    object_id,
    cio_object_id,
    changed,
  });
  return object;
}

/** Deletes an object and every relationship to it (track-spec object_delete). */
export function deleteObject(apply: Apply, ref: ObjectRef): void {
  const object = findObject(apply.workspace, ref);
  if (!object) {
    apply.problem('object_not_found', 'no such object', '/object');
    return;
  }
  for (const relationship of [...apply.workspace.relationships]) {
    if (relationship.object_type_id === object.object_type_id && relationship.object_id === object.object_id) {
      removeRelationship(apply, relationship);
    }
  }
  drop(own(apply.workspace.objects, object.object_type_id) ?? {}, object.object_id);
  const { object_type_id, object_id, cio_object_id } = object;
  apply.change({ kind: 'object.deleted', object_type_id, object_id, cio_object_id });
}

/** Relates a person (or anonymous id) to an object, merging relationship attributes. */
export function relate(apply: Apply, target: RelationTarget, object: WorkspaceObject, attributes: Attributes): void {
  const { workspace, timestamp } = apply;
  const existing = workspace.relationships.find((r) => sameRelation(r, target, object));
  const relationship: Relationship = existing ?? {
    object_type_id: object.object_type_id,
    object_id: object.object_id,
    cio_id: 'person' in target ? target.person.cio_id : null,
    ...('anonymous_id' in target ? { anonymous_id: target.anonymous_id } : {}),
    attributes: {},
    createdAt: timestamp,
    updatedAt: timestamp,
  };
  const changed = mergeAttributes(relationship.attributes, attributes, {}, timestamp);
  if (existing && Object.keys(changed).length === 0) return;
  if (!existing) workspace.relationships.push(relationship);
  relationship.updatedAt = timestamp;
  emitRelationship(apply, existing ? 'relationship.updated' : 'relationship.added', relationship);
  if ('person' in target) {
    apply.activity({
      type: existing ? 'relationship_attribute_change' : 'add_relationship',
      timestamp,
      data: existing ? changed : { relationship_attributes: structuredClone(relationship.attributes) },
      person: target.person,
      object_type_id: object.object_type_id,
      object_id: object.object_id,
    });
  }
}

export function unrelate(apply: Apply, target: RelationTarget, object: WorkspaceObject): void {
  const relationship = apply.workspace.relationships.find((r) => sameRelation(r, target, object));
  if (!relationship) {
    apply.problem('relationship_not_found', `no relationship to object ${object.object_type_id}/${object.object_id}`);
    return;
  }
  removeRelationship(apply, relationship);
}

export function removeRelationship(apply: Apply, relationship: Relationship): void {
  const list = apply.workspace.relationships;
  list.splice(list.indexOf(relationship), 1);
  emitRelationship(apply, 'relationship.deleted', relationship);
  const person = relationship.cio_id === null ? undefined : own(apply.workspace.people, relationship.cio_id);
  if (!person) return;
  const { object_type_id, object_id } = relationship;
  apply.activity({
    type: 'delete_relationship',
    timestamp: apply.timestamp,
    data: {},
    person,
    object_type_id,
    object_id,
  });
}

function emitRelationship(
  apply: Apply,
  kind: 'relationship.added' | 'relationship.updated' | 'relationship.deleted',
  relationship: Relationship,
): void {
  const person = relationship.cio_id === null ? undefined : own(apply.workspace.people, relationship.cio_id);
  apply.change({
    kind,
    object_type_id: relationship.object_type_id,
    object_id: relationship.object_id,
    cio_id: relationship.cio_id,
    identifiers: person ? identifiersOf(person) : null,
    ...(relationship.anonymous_id === undefined ? {} : { anonymous_id: relationship.anonymous_id }),
    attributes: structuredClone(relationship.attributes),
  });
}

function sameRelation(relationship: Relationship, target: RelationTarget, object: WorkspaceObject): boolean {
  if (relationship.object_type_id !== object.object_type_id || relationship.object_id !== object.object_id)
    return false;
  return 'person' in target
    ? relationship.cio_id === target.person.cio_id
    : relationship.cio_id === null && relationship.anonymous_id === target.anonymous_id;
}

/** Merges attributes where null or "" removes one; returns what changed. */
function mergeAttributes(
  into: Attributes,
  attributes: Attributes,
  timestamps: Record<string, number>,
  timestamp: number,
): ChangedValues {
  const changed: ChangedValues = {};
  for (const [key, value] of Object.entries(attributes)) {
    const before = own(into, key);
    const after = isRemoval(value) ? undefined : value;
    if (sameValue(before, after)) continue;
    if (after === undefined) {
      drop(into, key);
      drop(timestamps, key);
    } else {
      put<unknown>(into, key, structuredClone(after));
      put(timestamps, key, timestamp);
    }
    put(changed, key, { from: before ?? null, to: after ?? null });
  }
  return changed;
}
