/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /schemaregistry/tenant/schemas, from definitions.createSchema of schema-registry.yaml: a title, type object, and the classes and field groups it composes in allOf. The emulator also reads `properties` and `definitions` given inline, since it has no XDM classes or field groups of its own; they are what mapped records are validated against.
 */
export interface CreateXdmSchemaRequest {
  title: string;
  description?: string;
  type?: 'object';
  allOf?: {
    [k: string]: unknown;
  }[];
  properties?: {
    [k: string]: unknown;
  };
  definitions?: {
    [k: string]: unknown;
  };
  'meta:class'?: string;
  [k: string]: unknown;
}
