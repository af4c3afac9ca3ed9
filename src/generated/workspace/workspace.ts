/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * One Customer.io workspace as the Customer.io destination leaves it: people, objects, relationships, devices and the activity log. Every id in it comes from `counters`, so replaying the same ops yields the same workspace.
 */
export interface Workspace {
  /**
   * Last number handed out per kind; ids are derived from them, never from a clock or a random source.
   */
  counters: {
    people: number;
    objects: number;
    activities: number;
  };
  /**
   * People by cio_id.
   */
  people: {
    [k: string]: Person;
  };
  /**
   * Lookups to a person's cio_id, kept in step with `people` so that resolving an identifier does not scan everyone. Emails are keyed lower-cased: Customer.io compares them case-insensitively (track-spec PUT /api/v1/customers/{identifier}).
   */
  index: {
    id: Lookup;
    email: Lookup;
    anonymous_id: Lookup;
    device: Lookup;
  };
  /**
   * Suppressed identifiers: they cannot be added back until unsuppressed (track-spec POST /api/v1/customers/{identifier}/suppress). Emails lower-cased.
   */
  suppressed: {
    id: Flags;
    email: Flags;
  };
  /**
   * Objects by object_type_id, then object_id.
   */
  objects: {
    [k: string]: {
      [k: string]: WorkspaceObject;
    };
  };
  relationships: Relationship[];
  /**
   * The activity log, oldest first, bounded to the newest N entries.
   */
  activities: Activity[];
}
export interface Person {
  cio_id: string;
  id?: string;
  /**
   * As first sent; compared lower-cased.
   */
  email?: string;
  attributes: Attributes;
  timestamps: AttributeTimestamps;
  anonymousIds: string[];
  /**
   * Unix seconds: `created_at` when sent, else when the person was created.
   */
  createdAt: number;
  updatedAt: number;
  unsubscribed: boolean;
  cio_subscription_preferences: {
    topics?: {
      [k: string]: unknown;
    };
    channels?: {
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  devices: PersonDevice[];
}
/**
 * Custom attributes; the reserved ones (id, email, created_at, unsubscribed, cio_subscription_preferences, anonymous_id) live in their own fields.
 */
export interface Attributes {
  [k: string]: unknown;
}
/**
 * Unix seconds when each attribute was last set: what the App API returns as `timestamps`.
 */
export interface AttributeTimestamps {
  [k: string]: number;
}
export interface PersonDevice {
  token: string;
  /**
   * ios or android (track-spec device_object_common).
   */
  platform: string;
  last_used: number;
  attributes: Attributes1;
}
/**
 * Attribute values as sent (JSON), by name.
 */
export interface Attributes1 {
  [k: string]: unknown;
}
export interface Lookup {
  [k: string]: string;
}
export interface Flags {
  [k: string]: true;
}
export interface WorkspaceObject {
  object_type_id: string;
  object_id: string;
  cio_object_id: string;
  attributes: Attributes1;
  timestamps: AttributeTimestamps;
  createdAt: number;
  updatedAt: number;
}
/**
 * A person (or, until they are identified, an anonymous id) related to an object.
 */
export interface Relationship {
  object_type_id: string;
  object_id: string;
  cio_id: string | null;
  /**
   * Set while cio_id is null: the object identify_anonymous relationship that carries over once the person is identified (track-spec object_identify_anonymous).
   */
  anonymous_id?: string;
  attributes: Attributes1;
  createdAt: number;
  updatedAt: number;
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
/**
 * The App API's customer_identifiers: unset id or email are null (track-spec components.schemas.customer_identifiers).
 */
export interface PersonIdentifiers {
  id: string | null;
  email: string | null;
  cio_id: string;
}
