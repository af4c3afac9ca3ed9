/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /connections, from components.schemas.CreateConnectionRequest; the streaming (HTTP API) form sends auth.specName "Streaming Connection" with params.dataType, name, authenticationRequired (reference §3.1).
 */
export interface CreateConnectionRequest {
  name?: string;
  description?: string;
  auth?: {
    specName?: string;
    params?: {
      [k: string]: unknown;
    };
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
