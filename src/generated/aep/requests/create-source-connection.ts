/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /sourceConnections, from components.schemas.CreateSourceConnectionRequest. The webhook tutorials also send providerId, which the spec lacks; it is accepted.
 */
export interface CreateSourceConnectionRequest {
  name: string;
  description?: string;
  providerId?: string;
  baseConnectionId?: string;
  data: {
    format?: string;
    [k: string]: unknown;
  };
  params?: {
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
