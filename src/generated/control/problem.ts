/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * One validation problem: a JSON Pointer into the payload and a sentence.
 */
export interface Problem {
  path: string;
  message: string;
}
