/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * The whole persisted state: the snapshot file's content, GET /_emulator/state's body and PUT /_emulator/state's input.
 */
export interface EmulatorState {
  format: 'cdp-emulator/state@1';
  /**
   * Last seq handed out.
   */
  seq: number;
  events: EventRecord[];
  /**
   * Adobe Experience Platform resources per tenant key `<imsOrgId>/<sandboxName>`. Optional on import (an events-only export is still a state).
   */
  aep?: {
    tenants: {
      [k: string]: AepTenant;
    };
  };
  /**
   * Customer.io workspaces by key. Optional on import.
   */
  workspaces?: {
    [k: string]: Workspace;
  };
}
/**
 * One received event, as journaled, listed by GET /_emulator/events and sent on the WebSocket stream (DESIGN.md, Public contracts). With api "workspace", one change the Customer.io destination made to a workspace (README, What happened to my user?).
 */
export interface EventRecord {
  /**
   * Increasing over the emulator's life, never reused.
   */
  seq: number;
  id: string;
  receivedAt: string;
  api: 'pipelines' | 'aep' | 'workspace';
  /**
   * identify, track, page, screen, group or alias (pipelines); inlet (aep); the change's kind, e.g. person.attributes (workspace).
   */
  type: string;
  /**
   * False when the vendor would have dropped or rejected the event; `errors` says why.
   */
  valid: boolean;
  errors: Problem[];
  /**
   * True when an earlier event of the same write key had this messageId; a duplicate is never applied.
   */
  duplicate?: boolean;
  /**
   * Data Pipelines only: the write key that sent the event.
   */
  writeKey?: string;
  /**
   * Data Pipelines: the enriched event as the vendor stores it. Inlet: the mapped XDM record.
   */
  payload: unknown;
  /**
   * Inlet only: the message as posted.
   */
  input?: unknown;
  flowId?: string;
  datasetId?: string;
  /**
   * Workspace records only: the key of the workspace that changed.
   */
  workspace?: string;
}
/**
 * One validation problem: a JSON Pointer into the payload and a sentence.
 */
export interface Problem {
  path: string;
  message: string;
}
/**
 * Everything one IMS org and sandbox owns; state is isolated per x-gw-ims-org-id and x-sandbox-name as on the Platform.
 */
export interface AepTenant {
  imsOrgId: string;
  sandboxName: string;
  sandboxId: string;
  connections: Entities;
  sourceConnections: Entities;
  targetConnections: Entities;
  flows: Entities;
  runs: Entities;
  /**
   * Every version of each mapping set, by id; index = version.
   */
  mappingSets: {
    [k: string]: {
      [k: string]: unknown;
    }[];
  };
  dataSets: {
    [k: string]: {
      [k: string]: unknown;
    };
  };
  /**
   * XDM schemas by $id.
   */
  schemas: {
    [k: string]: {
      [k: string]: unknown;
    };
  };
}
export interface Entities {
  [k: string]: FlowServiceEntity;
}
/**
 * The common fields every Flow Service entity carries (reference §3.1); `version` and `etag` hold the same quoted value.
 */
export interface FlowServiceEntity {
  id: string;
  createdAt: number;
  updatedAt: number;
  createdBy: string;
  updatedBy: string;
  createdClient: string;
  updatedClient: string;
  sandboxId: string;
  sandboxName: string;
  imsOrgId: string;
  name?: string;
  description?: string;
  state?: 'enabled' | 'disabled' | 'draft';
  version: string;
  etag: string;
  [k: string]: unknown;
}
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
