/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /flows, from components.schemas.CreateFlowRequest. mappingVersion is a number in the tutorials and a string in the flow spec and some docs; both are accepted (reference §4).
 */
export interface CreateFlowRequest {
  name?: string;
  description?: string;
  flowSpec: SpecRef;
  sourceConnectionIds?: string[];
  targetConnectionIds?: string[];
  transformations?: {
    name: string;
    params: {
      mappingId?: string;
      mappingVersion?: number | string;
      [k: string]: unknown;
    };
    [k: string]: unknown;
  }[];
  scheduleParams?: {
    [k: string]: unknown;
  };
  options?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * components.schemas.SpecInfoDTO of flow-service.yaml: a connection or flow spec by id and version.
 */
export interface SpecRef {
  id: string;
  version: string;
  [k: string]: unknown;
}
