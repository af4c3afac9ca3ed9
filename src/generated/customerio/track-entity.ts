/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * One v2 operation: the body of POST /api/v2/entity, or one item of POST /api/v2/batch (track-spec person_operations, object_operations, delivery_operations). `type` then `action` pick the variant (Ajv's discriminator keeps errors to that variant). `phone` identifiers are refused: the emulator's workspaces identify people by id and email only, and the spec says phone works only where it is enabled.
 */
export type TrackEntity = PersonOperation | ObjectOperation | DeliveryOperation;
export type PersonOperation = PersonActions & PersonActions1;
export type PersonActions =
  | PersonIdentify
  | PersonDelete
  | PersonEvent
  | PersonScreen
  | PersonPage
  | PersonAddRelationships
  | PersonDeleteRelationships
  | PersonAddDevice
  | PersonDeleteDevice
  | PersonMerge
  | PersonSuppress
  | PersonUnsuppress;
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
export type ObjectOperation = ObjectActions & ObjectActions1;
export type ObjectActions =
  ObjectIdentify | ObjectIdentifyAnonymous | ObjectDelete | ObjectAddRelationships | ObjectDeleteRelationships;
export type DeliveryOperation = DeliveryActions & DeliveryActions1;
export type DeliveryActions = DeliveryEvent;

export interface PersonIdentify {
  type: 'person';
  action: 'identify';
  identifiers: PersonRef;
  /**
   * Unix seconds; the time of the request when absent.
   */
  timestamp?: number;
  attributes?: {
    _update?: boolean;
    [k: string]: unknown;
  };
  cio_relationships?: ObjectLink[];
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
export interface PersonDelete {
  type: 'person';
  action: 'delete';
  identifiers: PersonRef;
  [k: string]: unknown;
}
export interface PersonEvent {
  type: 'person';
  action: 'event';
  identifiers: PersonRef;
  name: string;
  id?: string;
  /**
   * Unix seconds; the time of the request when absent.
   */
  timestamp?: number;
  attributes?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface PersonScreen {
  type: 'person';
  action: 'screen';
  identifiers: PersonRef;
  name: string;
  id?: string;
  /**
   * Unix seconds; the time of the request when absent.
   */
  timestamp?: number;
  attributes?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface PersonPage {
  type: 'person';
  action: 'page';
  identifiers: PersonRef;
  name: string;
  id?: string;
  /**
   * Unix seconds; the time of the request when absent.
   */
  timestamp?: number;
  attributes?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface PersonAddRelationships {
  type: 'person';
  action: 'add_relationships';
  identifiers: PersonRef;
  cio_relationships: ObjectLink[];
  [k: string]: unknown;
}
export interface PersonDeleteRelationships {
  type: 'person';
  action: 'delete_relationships';
  identifiers: PersonRef;
  cio_relationships: ObjectLink[];
  [k: string]: unknown;
}
export interface PersonAddDevice {
  type: 'person';
  action: 'add_device';
  identifiers: PersonRef;
  device: V2Device;
  [k: string]: unknown;
}
export interface V2Device {
  token: string;
  platform: 'ios' | 'android';
  last_used?: number;
  attributes?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface PersonDeleteDevice {
  type: 'person';
  action: 'delete_device';
  identifiers: PersonRef;
  device: {
    token: string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface PersonMerge {
  type: 'person';
  action: 'merge';
  primary: PersonRef;
  secondary: PersonRef;
  [k: string]: unknown;
}
export interface PersonSuppress {
  type: 'person';
  action: 'suppress';
  identifiers: PersonRef;
  [k: string]: unknown;
}
export interface PersonUnsuppress {
  type: 'person';
  action: 'unsuppress';
  identifiers: PersonRef;
  [k: string]: unknown;
}
export interface PersonActions1 {
  type: 'person';
  [k: string]: unknown;
}
export interface ObjectIdentify {
  type: 'object';
  action: 'identify';
  identifiers: ObjectRef;
  attributes?: {
    [k: string]: unknown;
  };
  cio_relationships?: PersonLink[];
  [k: string]: unknown;
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
export interface ObjectIdentifyAnonymous {
  type: 'object';
  action: 'identify_anonymous';
  identifiers: ObjectRef;
  attributes?: {
    [k: string]: unknown;
  };
  cio_relationships?: AnonymousLink[];
  [k: string]: unknown;
}
export interface AnonymousLink {
  identifiers: {
    anonymous_id: string;
    [k: string]: unknown;
  };
  relationship_attributes?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface ObjectDelete {
  type: 'object';
  action: 'delete';
  identifiers: ObjectRef;
  [k: string]: unknown;
}
export interface ObjectAddRelationships {
  type: 'object';
  action: 'add_relationships';
  identifiers: ObjectRef;
  cio_relationships: PersonLink[];
  [k: string]: unknown;
}
export interface ObjectDeleteRelationships {
  type: 'object';
  action: 'delete_relationships';
  identifiers: ObjectRef;
  cio_relationships: PersonLink[];
  [k: string]: unknown;
}
export interface ObjectActions1 {
  type: 'object';
  [k: string]: unknown;
}
export interface DeliveryEvent {
  type: 'delivery';
  action: 'event';
  identifiers: {
    /**
     * The delivery id.
     */
    id: string;
    [k: string]: unknown;
  };
  name: 'opened' | 'converted' | 'delivered';
  /**
   * Unix seconds; the time of the request when absent.
   */
  timestamp?: number;
  attributes: {
    device_token: string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface DeliveryActions1 {
  type: 'delivery';
  [k: string]: unknown;
}
