/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /v1/customers/attributes (App API getPeopleById): up to 100 identifiers, all of the request's id_type.
 */
export interface AppCustomersByIdBody {
  /**
   * @minItems 1
   * @maxItems 100
   */
  ids: [string, ...string[]];
  [k: string]: unknown;
}
