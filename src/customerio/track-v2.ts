import type { ObjectOperation, PersonOperation, TrackEntity } from '../generated/customerio/track-entity.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { TrackOperation } from '../workspace/index.js';
import { attributeProblems, byteSize, eventProblems, MAX_ENTITY_BYTES } from './track-limits.js';
import { defined } from './track-v1.js';
import { v2ErrorsOf, type V2Error } from './track-wire.js';

/** One v2 operation, ready to apply, or why Customer.io would refuse it. */
export type EntityCheck = { op: TrackOperation; errors?: undefined } | { errors: V2Error[] };

/**
 * Checks one v2 entity (the /entity body or a /batch item) against its size limit ("must be
 * 32kb or smaller"), schemas/customerio/track-entity.json and the documented limits, and maps
 * it to a TrackOperation.
 */
export function checkEntity(schemas: SchemaRegistry, value: unknown, now: number): EntityCheck {
  if (byteSize(value) > MAX_ENTITY_BYTES)
    return { errors: [{ reason: 'too_large', field: '', message: 'each request must be 32kb or smaller' }] };
  const problems = schemas.validate('customerio/track-entity', value);
  if (problems.length) return { errors: v2ErrorsOf(problems) };
  const entity = value as TrackEntity;
  const refused = limitErrors(entity);
  return refused.length ? { errors: refused } : { op: entityOperation(entity, now) };
}

function limitErrors(entity: TrackEntity): V2Error[] {
  if (entity.type !== 'person') return [];
  const messages =
    entity.action === 'identify'
      ? attributeProblems(entity.attributes ?? {})
      : entity.action === 'event' || entity.action === 'page' || entity.action === 'screen'
        ? eventProblems(entity.name.trim(), entity.attributes)
        : [];
  const field = entity.action === 'identify' ? 'attributes' : 'name';
  return messages.map((message) => ({ reason: 'invalid', field, message }));
}

export function entityOperation(entity: TrackEntity, now: number): TrackOperation {
  switch (entity.type) {
    case 'person':
      return personOperation(entity, now);
    case 'object':
      return objectOperation(entity, now);
    case 'delivery':
      // A delivery event reports a push metric for a device (track-spec delivery_operations).
      return {
        call: 'delivery_metric',
        delivery_id: entity.identifiers.id,
        metric: entity.name,
        recipient: entity.attributes.device_token,
        timestamp: entity.timestamp ?? now,
      };
  }
}

function personOperation(entity: PersonOperation, now: number): TrackOperation {
  if (entity.action === 'merge')
    return { call: 'merge', primary: entity.primary, secondary: entity.secondary, timestamp: now };
  const identifier = entity.identifiers;
  switch (entity.action) {
    case 'identify':
      return {
        call: 'identify',
        identifier,
        attributes: entity.attributes ?? {},
        ...defined({ relationships: entity.cio_relationships }),
        timestamp: entity.timestamp ?? now,
      };
    case 'delete':
    case 'suppress':
    case 'unsuppress':
      return { call: entity.action, identifier, timestamp: now };
    case 'event':
    case 'page':
    case 'screen':
      return {
        call: entity.action,
        identifier,
        name: entity.name.trim(),
        ...defined({ id: entity.id, data: entity.attributes }),
        timestamp: entity.timestamp ?? now,
      };
    case 'add_relationships':
    case 'delete_relationships':
      return { call: entity.action, identifier, relationships: entity.cio_relationships, timestamp: now };
    case 'add_device': {
      const { token, platform, last_used, attributes } = entity.device;
      return {
        call: 'add_device',
        identifier,
        device: { token, platform, ...defined({ last_used, attributes }) },
        timestamp: now,
      };
    }
    case 'delete_device':
      return { call: 'delete_device', identifier, token: entity.device.token, timestamp: now };
  }
}

function objectOperation(entity: ObjectOperation, now: number): TrackOperation {
  const object = entity.identifiers;
  switch (entity.action) {
    case 'identify':
      return {
        call: 'object_identify',
        object,
        ...defined({ attributes: entity.attributes, relationships: entity.cio_relationships }),
        timestamp: now,
      };
    case 'identify_anonymous':
      return {
        call: 'object_identify_anonymous',
        object,
        ...defined({
          attributes: entity.attributes,
          relationships: entity.cio_relationships?.map((link) => ({
            anonymous_id: link.identifiers.anonymous_id,
            ...defined({ relationship_attributes: link.relationship_attributes }),
          })),
        }),
        timestamp: now,
      };
    case 'delete':
      return { call: 'object_delete', object, timestamp: now };
    case 'add_relationships':
    case 'delete_relationships':
      return { call: `object_${entity.action}`, object, relationships: entity.cio_relationships, timestamp: now };
  }
}
