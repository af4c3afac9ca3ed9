/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * Query parameters that select EventRecords, shared by /events, /events/wait, WS /stream and the programmatic API. Every given field must match.
 */
export interface EventFilter {
  api?: 'pipelines' | 'aep' | 'workspace';
  type?: string;
  /**
   * payload.event of a track call
   */
  event?: string;
  /**
   * payload.userId; for workspace records, the person's id
   */
  userId?: string;
  anonymousId?: string;
  messageId?: string;
  writeKey?: string;
  valid?: boolean;
  flowId?: string;
  datasetId?: string;
  /**
   * Only records with a seq greater than this.
   */
  since?: number;
  workspace?: string;
}
