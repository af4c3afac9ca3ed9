/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * One thing an operation changed in a Customer.io workspace, as streamed to WebSocket subscribers.
 */
export type WorkspaceChange =
  | PersonCreatedChange
  | PersonAttributesChange
  | PersonDeletedChange
  | PersonSuppressionChange
  | PersonMergedChange
  | PersonFailedChange
  | AnonymousMergedChange
  | DeviceUpsertedChange
  | DeviceDeletedChange
  | ObjectUpsertedChange
  | ObjectDeletedChange
  | RelationshipChange
  | ActivityChange;

export interface PersonCreatedChange {
  kind: 'person.created';
  cio_id: string;
  identifiers: PersonIdentifiers;
}
/**
 * The App API's customer_identifiers: unset id or email are null (track-spec components.schemas.customer_identifiers).
 */
export interface PersonIdentifiers {
  id: string | null;
  email: string | null;
  cio_id: string;
}
export interface PersonAttributesChange {
  kind: 'person.attributes';
  cio_id: string;
  identifiers: PersonIdentifiers;
  changed: ChangedValues;
}
/**
 * Per attribute name, its value before and after; null stands for unset.
 */
export interface ChangedValues {
  [k: string]: {
    from: unknown;
    to: unknown;
  };
}
export interface PersonDeletedChange {
  kind: 'person.deleted';
  cio_id: string;
  identifiers: PersonIdentifiers;
}
/**
 * Identifiers added to or removed from the suppression list; null where not touched.
 */
export interface PersonSuppressionChange {
  kind: 'person.suppressed' | 'person.unsuppressed';
  id: string | null;
  email: string | null;
}
export interface PersonMergedChange {
  kind: 'person.merged';
  primary: PersonIdentifiers;
  secondary: PersonIdentifiers;
  moved: {
    activities: number;
    devices: number;
    anonymousIds: number;
    relationships: number;
    attributes: string[];
  };
}
/**
 * Customer.io's Attribute Update Failure: the request is accepted but changes nothing (track-spec PUT /api/v1/customers/{identifier}).
 */
export interface PersonFailedChange {
  kind: 'person.failed';
  reason: 'conflicting_identifiers' | 'person_not_found';
  message: string;
  /**
   * The person the failure is logged against, when one was found.
   */
  cio_id: string | null;
}
export interface AnonymousMergedChange {
  kind: 'anonymous.merged';
  cio_id: string;
  identifiers: PersonIdentifiers;
  anonymous_id: string;
  /**
   * Anonymous activities now attributed to the person.
   */
  activities: number;
  relationships: number;
}
export interface DeviceUpsertedChange {
  kind: 'device.added' | 'device.updated';
  cio_id: string;
  identifiers: PersonIdentifiers;
  device: PersonDevice;
}
export interface PersonDevice {
  token: string;
  /**
   * ios or android (track-spec device_object_common).
   */
  platform: string;
  last_used: number;
  attributes: Attributes;
}
/**
 * Attribute values as sent (JSON), by name.
 */
export interface Attributes {
  [k: string]: unknown;
}
export interface DeviceDeletedChange {
  kind: 'device.deleted';
  cio_id: string;
  identifiers: PersonIdentifiers;
  token: string;
}
export interface ObjectUpsertedChange {
  kind: 'object.created' | 'object.updated';
  object_type_id: string;
  object_id: string;
  cio_object_id: string;
  changed: ChangedValues;
}
export interface ObjectDeletedChange {
  kind: 'object.deleted';
  object_type_id: string;
  object_id: string;
  cio_object_id: string;
}
/**
 * A person (or an anonymous id, with cio_id and identifiers null) related to or unrelated from an object.
 */
export interface RelationshipChange {
  kind: 'relationship.added' | 'relationship.updated' | 'relationship.deleted';
  object_type_id: string;
  object_id: string;
  cio_id: string | null;
  identifiers: PersonIdentifiers | null;
  anonymous_id?: string;
  attributes: Attributes;
}
export interface ActivityChange {
  kind: 'activity';
  activity: Activity;
}
/**
 * One activity log entry; `type` uses the App API's activityTypes values (track-spec components.schemas.activityTypes).
 */
export interface Activity {
  id: string;
  /**
   * Position in the workspace's activity sequence; the App API paging cursor.
   */
  seq: number;
  type: string;
  name?: string;
  timestamp: number;
  data: {
    [k: string]: unknown;
  };
  /**
   * The person it belongs to; null while anonymous or unattributed.
   */
  cio_id: string | null;
  anonymous_id?: string;
  /**
   * The person's identifiers when it was recorded.
   */
  customer_identifiers: PersonIdentifiers | null;
  delivery_id?: string;
  delivery_type?: string;
  object_type_id?: string;
  object_id?: string;
}
