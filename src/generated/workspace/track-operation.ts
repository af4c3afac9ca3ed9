/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * One Track API call (v1 paths, or one v2 /entity or /batch item) as the workspace model applies it. Routes build it from a validated request and add `timestamp` (Unix seconds; the request time when the caller sent none) so that replaying the journal needs no clock.
 */
export type TrackOperation =
  | IdentifyOperation
  | PersonOperation
  | EventOperation
  | AnonymousEventOperation
  | AddDeviceOperation
  | DeleteDeviceOperation
  | MergeOperation
  | PersonRelationshipsOperation
  | ObjectIdentifyOperation
  | ObjectIdentifyAnonymousOperation
  | ObjectDeleteOperation
  | ObjectRelationshipsOperation
  | DeliveryMetricOperation;
/**
 * Exactly one person identifier (track-spec person_common.identifiers).
 */
export type PersonRef =
  | {
      id: string;
    }
  | {
      email: string;
    }
  | {
      cio_id: string;
    };
/**
 * object_type_id plus object_id, or cio_object_id (updates only) (track-spec object_common_identify).
 */
export type ObjectRef =
  | {
      object_type_id: string;
      object_id: string;
    }
  | {
      cio_object_id: string;
    };
/**
 * Unix seconds.
 */
export type Timestamp = number;

/**
 * PUT /api/v1/customers/{identifier} (body = attributes, reserved keys included) or v2 person identify (attributes plus top-level cio_relationships, given here as `relationships`).
 */
export interface IdentifyOperation {
  call: 'identify';
  identifier: PersonRef;
  attributes: Attributes;
  relationships?: ObjectLink[];
  timestamp: Timestamp;
}
export interface Attributes {
  [k: string]: unknown;
}
/**
 * A person's relationship to an object (track-spec object_relationships items).
 */
export interface ObjectLink {
  identifiers: ObjectRef;
  relationship_attributes?: {
    [k: string]: unknown;
  };
}
/**
 * DELETE /api/v1/customers/{identifier}, POST .../suppress, POST .../unsuppress and their v2 actions.
 */
export interface PersonOperation {
  call: 'delete' | 'suppress' | 'unsuppress';
  identifier: PersonRef;
  timestamp: Timestamp;
}
/**
 * POST /api/v1/customers/{identifier}/events (its `type` picks the call) or v2 person event, page or screen.
 */
export interface EventOperation {
  call: 'event' | 'page' | 'screen';
  identifier: PersonRef;
  name: string;
  /**
   * Deduplication id (a ULID); an event whose id is already in the log is dropped.
   */
  id?: string;
  data?: Attributes;
  timestamp: Timestamp;
}
/**
 * POST /api/v1/events.
 */
export interface AnonymousEventOperation {
  call: 'anonymous_event';
  type: 'event' | 'page' | 'screen';
  anonymous_id?: string;
  name: string;
  id?: string;
  data?: Attributes;
  timestamp: Timestamp;
}
/**
 * PUT /api/v1/customers/{identifier}/devices (device.id is the token) or v2 add_device.
 */
export interface AddDeviceOperation {
  call: 'add_device';
  identifier: PersonRef;
  device: {
    token: string;
    platform: string;
    last_used?: number;
    attributes?: Attributes;
  };
  timestamp: Timestamp;
}
export interface DeleteDeviceOperation {
  call: 'delete_device';
  identifier: PersonRef;
  token: string;
  timestamp: Timestamp;
}
/**
 * POST /api/v1/merge_customers or v2 person merge.
 */
export interface MergeOperation {
  call: 'merge';
  primary: PersonRef;
  secondary: PersonRef;
  timestamp: Timestamp;
}
export interface PersonRelationshipsOperation {
  call: 'add_relationships' | 'delete_relationships';
  identifier: PersonRef;
  relationships: ObjectLink[];
  timestamp: Timestamp;
}
export interface ObjectIdentifyOperation {
  call: 'object_identify';
  object: ObjectRef;
  attributes?: Attributes;
  relationships?: PersonLink[];
  timestamp: Timestamp;
}
/**
 * An object's relationship to a person (track-spec v2_cio_relationships items).
 */
export interface PersonLink {
  identifiers: PersonRef;
  relationship_attributes?: {
    [k: string]: unknown;
  };
}
export interface ObjectIdentifyAnonymousOperation {
  call: 'object_identify_anonymous';
  object: ObjectRef;
  attributes?: Attributes;
  relationships?: {
    anonymous_id: string;
    relationship_attributes?: {
      [k: string]: unknown;
    };
  }[];
  timestamp: Timestamp;
}
export interface ObjectDeleteOperation {
  call: 'object_delete';
  object: ObjectRef;
  timestamp: Timestamp;
}
export interface ObjectRelationshipsOperation {
  call: 'object_add_relationships' | 'object_delete_relationships';
  object: ObjectRef;
  relationships: PersonLink[];
  timestamp: Timestamp;
}
/**
 * POST /api/v1/metrics (or v2 delivery event): a metric for a delivery. The emulator keeps no deliveries, so `identifier` says whose activity log it belongs in, when known.
 */
export interface DeliveryMetricOperation {
  call: 'delivery_metric';
  delivery_id: string;
  metric: string;
  identifier?: PersonRef;
  recipient?: string;
  reason?: string;
  href?: string;
  metadata?: {
    [k: string]: unknown;
  };
  timestamp: Timestamp;
}
