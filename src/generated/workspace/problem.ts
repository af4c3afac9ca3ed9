/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * Why an operation changed less than it asked for. Customer.io answers most of these with 200 and drops the change silently; routes decide what to answer.
 */
export interface WorkspaceProblem {
  /**
   * JSON pointer into the operation or event.
   */
  path: string;
  code:
    | 'person_not_found'
    | 'primary_not_found'
    | 'conflicting_identifiers'
    | 'suppressed'
    | 'missing_identifier'
    | 'anonymous_id_in_use'
    | 'same_person'
    | 'device_not_found'
    | 'missing_device'
    | 'object_not_found'
    | 'relationship_not_found'
    | 'missing_name';
  message: string;
}
