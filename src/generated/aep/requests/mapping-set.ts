/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST and PUT /conversion/mappingSets, and the mappingSet of /validate and /preview: from components.schemas.MappingSet of data-prep.yaml, plus the tutorials' alternate form {xdmSchema, xdmVersion, version} (reference §4). Each mapping may use any of the three dialects; mappings.ts reads them.
 */
export interface MappingSetRequest {
  name?: string;
  description?: string;
  outputSchema?: {
    schemaRef?: {
      id: string;
      contentType?: string;
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  inputSchema?: {
    [k: string]: unknown;
  };
  xdmSchema?: string;
  xdmVersion?: string;
  version?: number;
  allowNullValues?: boolean;
  strictMapping?: boolean;
  mappings: {
    [k: string]: unknown;
  }[];
  [k: string]: unknown;
}
