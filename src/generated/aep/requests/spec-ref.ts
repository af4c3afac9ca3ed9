/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * components.schemas.SpecInfoDTO of flow-service.yaml: a connection or flow spec by id and version.
 */
export interface SpecRef {
  id: string;
  version: string;
  [k: string]: unknown;
}
