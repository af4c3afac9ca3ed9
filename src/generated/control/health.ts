/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

export interface HealthResponse {
  status: 'ok';
  version: string;
  uptimeMs: number;
}
