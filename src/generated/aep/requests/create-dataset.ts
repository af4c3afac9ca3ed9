/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * POST /catalog/dataSets, from components.schemas.dataSetRequest of catalog.yaml. The spec makes nothing required; streaming ingestion needs a schema, so schemaRef is required here, as the sources tutorials always send it.
 */
export interface CreateDataSetRequest {
  name?: string;
  description?: string;
  tags?: {
    [k: string]: string[];
  };
  enableErrorDiagnostics?: boolean;
  schemaRef: {
    id: string;
    contentType: string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
