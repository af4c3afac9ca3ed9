/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /runs, from components.schemas.CreateFlowRunRequest.
 */
export interface CreateFlowRunRequest {
  flowId?: string;
  params?: {
    startTime?: number;
    windowStartTime?: number;
    windowEndTime?: number;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
