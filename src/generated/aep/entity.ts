/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * The common fields every Flow Service entity carries (reference §3.1); `version` and `etag` hold the same quoted value.
 */
export interface FlowServiceEntity {
  id: string;
  createdAt: number;
  updatedAt: number;
  createdBy: string;
  updatedBy: string;
  createdClient: string;
  updatedClient: string;
  sandboxId: string;
  sandboxName: string;
  imsOrgId: string;
  name?: string;
  description?: string;
  state?: 'enabled' | 'disabled' | 'draft';
  version: string;
  etag: string;
  [k: string]: unknown;
}
