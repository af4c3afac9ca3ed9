import { Apply } from './context.js';
import { addDevice, deleteDevice } from './devices.js';
import { reportDelivery, trackAnonymousEvent, trackPersonEvent } from './events.js';
import { findByAnonymousId } from './identifiers.js';
import { applyLinks, describeObject } from './links.js';
import { deleteObject, findObject, relate, unrelate, upsertObject } from './objects.js';
import { identifyPerson } from './person-identify.js';
import { mergePeople } from './person-merge.js';
import { deletePerson, ensurePerson, existingPerson, suppressPerson, unsuppressPerson } from './person-ops.js';
import {
  DEFAULT_MAX_ACTIVITIES,
  type ApplyOptions,
  type ApplyResult,
  type ObjectRef,
  type TrackOperation,
  type Workspace,
} from './types.js';

/**
 * Applies one Track API call (v1, or one v2 entity/batch action) to a workspace, mutating it.
 * The operation is assumed shape-valid (routes validate it against
 * schemas/workspace/track-operation.json); semantic failures come back as problems, never as
 * exceptions. Deterministic: the same workspace and operation always give the same result.
 */
export function applyTrackOperation(
  workspace: Workspace,
  op: TrackOperation,
  options: ApplyOptions = { maxActivities: DEFAULT_MAX_ACTIVITIES },
): ApplyResult {
  const apply = new Apply(workspace, op.timestamp, options);
  switch (op.call) {
    case 'identify':
      identifyPerson(apply, { ref: op.identifier, attributes: op.attributes, relationships: op.relationships });
      break;
    case 'delete': {
      const person = existingPerson(apply, op.identifier);
      if (person) deletePerson(apply, person);
      break;
    }
    case 'suppress':
      suppressPerson(apply, op.identifier);
      break;
    case 'unsuppress':
      unsuppressPerson(apply, op.identifier);
      break;
    case 'event':
    case 'page':
    case 'screen':
      trackPersonEvent(apply, op.identifier, { type: op.call, name: op.name, data: op.data ?? {}, id: op.id });
      break;
    case 'anonymous_event':
      trackAnonymousEvent(apply, op.anonymous_id, { type: op.type, name: op.name, data: op.data ?? {}, id: op.id });
      break;
    case 'add_device':
      addDevice(apply, op.identifier, op.device);
      break;
    case 'delete_device':
      deleteDevice(apply, op.identifier, op.token);
      break;
    case 'merge':
      mergePeople(apply, op.primary, op.secondary);
      break;
    case 'add_relationships':
    case 'delete_relationships': {
      const person =
        op.call === 'add_relationships' ? ensurePerson(apply, op.identifier) : existingPerson(apply, op.identifier);
      if (person) applyLinks(apply, { person }, op.relationships, op.call);
      break;
    }
    case 'object_identify':
    case 'object_add_relationships': {
      const object = upsertObject(apply, op.object, op.call === 'object_identify' ? (op.attributes ?? {}) : {});
      if (!object) break;
      for (const link of op.relationships ?? []) {
        const person = ensurePerson(apply, link.identifiers, '/relationships');
        if (person) relate(apply, { person }, object, link.relationship_attributes ?? {});
      }
      break;
    }
    case 'object_identify_anonymous': {
      const object = upsertObject(apply, op.object, op.attributes ?? {});
      if (!object) break;
      for (const link of op.relationships ?? []) {
        // An anonymous id someone already carries relates that person.
        const person = findByAnonymousId(workspace, link.anonymous_id);
        relate(
          apply,
          person ? { person } : { anonymous_id: link.anonymous_id },
          object,
          link.relationship_attributes ?? {},
        );
      }
      break;
    }
    case 'object_delete':
      deleteObject(apply, op.object);
      break;
    case 'object_delete_relationships': {
      const object = requireObject(apply, op.object);
      if (!object) break;
      for (const link of op.relationships) {
        const person = existingPerson(apply, link.identifiers, '/relationships');
        if (person) unrelate(apply, { person }, object);
      }
      break;
    }
    case 'delivery_metric': {
      const { call: _call, identifier, timestamp: _timestamp, ...metric } = op;
      reportDelivery(apply, identifier, metric);
      break;
    }
  }
  return apply.result();
}

function requireObject(apply: Apply, ref: ObjectRef) {
  const object = findObject(apply.workspace, ref);
  if (!object) apply.problem('object_not_found', `no object ${describeObject(ref)}`, '/object');
  return object;
}
