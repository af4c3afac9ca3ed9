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
}
/**
 * One received event, as journaled, listed by GET /_emulator/events and sent on the WebSocket stream (DESIGN.md, Public contracts).
 */
export interface EventRecord {
  /**
   * Increasing over the emulator's life, never reused.
   */
  seq: number;
  id: string;
  receivedAt: string;
  api: 'pipelines' | 'aep';
  type: 'identify' | 'track' | 'page' | 'screen' | 'group' | 'alias' | 'inlet';
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
