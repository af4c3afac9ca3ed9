/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /conversion/languages/el/validate (reference §4).
 */
export interface ExpressionValidateRequest {
  expression: string;
  mappingSetId?: string;
  sampleData?: unknown;
  sampleDataType?: string;
  [k: string]: unknown;
}
