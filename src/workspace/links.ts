import type { ObjectLink } from '../generated/workspace/track-operation.js';
import type { Apply } from './context.js';
import { findObject, relate, unrelate, upsertObject, type RelationTarget } from './objects.js';
import { isRecord } from './record.js';
import type { ObjectRef } from './types.js';

export type { ObjectLink };
export type LinkAction = 'add_relationships' | 'delete_relationships';

/**
 * Adds or removes a person's relationships to objects. Relating to an object_id that does not
 * exist yet creates the object (the Track API's identify example relates people to objects
 * in the same call that names them); a cio_object_id must exist.
 */
export function applyLinks(
  apply: Apply,
  target: RelationTarget,
  links: readonly ObjectLink[],
  action: LinkAction,
): void {
  for (const link of links) {
    const ref = link.identifiers;
    if (action === 'delete_relationships') {
      const object = findObject(apply.workspace, ref);
      if (object) unrelate(apply, target, object);
      else apply.problem('object_not_found', `no object ${describeObject(ref)}`, '/relationships');
      continue;
    }
    const object = findObject(apply.workspace, ref) ?? upsertObject(apply, ref, {});
    if (object) relate(apply, target, object, link.relationship_attributes ?? {});
  }
}

/**
 * The v1 identify body's `cio_relationships`: `{action, relationships: [...]}` (track-spec
 * v1_cio_relationships); the action defaults to adding.
 */
export function parseV1Relationships(value: unknown): { action: LinkAction; links: ObjectLink[] } | undefined {
  if (!isRecord(value) || !Array.isArray(value.relationships)) return undefined;
  const action = value.action === 'delete_relationships' ? 'delete_relationships' : 'add_relationships';
  const links = value.relationships.filter(
    (link): link is ObjectLink => isRecord(link) && isRecord(link.identifiers) && isObjectRef(link.identifiers),
  );
  return { action, links };
}

function isObjectRef(value: Record<string, unknown>): boolean {
  return (
    typeof value.cio_object_id === 'string' ||
    (typeof value.object_type_id === 'string' && typeof value.object_id === 'string')
  );
}

export function describeObject(ref: ObjectRef): string {
  return 'cio_object_id' in ref ? `cio_object_id "${ref.cio_object_id}"` : `${ref.object_type_id}/${ref.object_id}`;
}
