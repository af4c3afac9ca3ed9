/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * Extra requirements of Customer.io's semantic track events, from components.schemas.create_update_device, delete_device, delete_person, relationship_deleted, group_deleted, suppress_person, unsuppress_person, report_delivery_event and report_content_event of the Pipelines spec. report_content_event lists `activityType` as required but only defines `actionType`; we require the defined property.
 */
export type SemanticEventRules = {
  [k: string]: unknown;
};
