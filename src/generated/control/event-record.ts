/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

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
