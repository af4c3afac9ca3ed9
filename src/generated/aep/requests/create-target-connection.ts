/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /targetConnections, from components.schemas.CreateTargetConnectionRequest: data.schema names the XDM schema, and data.schema.version holds a content type, not a number (reference §3.1).
 */
export interface CreateTargetConnectionRequest {
  name?: string;
  description?: string;
  baseConnectionId?: string;
  data: {
    format?: string;
    schema?: {
      id: string;
      version?: string;
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  params?: {
    dataSetId?: string;
    [k: string]: unknown;
  };
  connectionSpec: SpecRef;
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
