/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * Fields shared by every Data Pipelines call, adapted from components.schemas.common_fields, context_* and integrations of shared/specs/customerio/pipelines-openapi.json.
 */
export interface PipelinesCommon {
  [k: string]: unknown;
}
