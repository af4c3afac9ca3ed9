/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */

/**
 * Everything one IMS org and sandbox owns; state is isolated per x-gw-ims-org-id and x-sandbox-name as on the Platform.
 */
export interface AepTenant {
  imsOrgId: string;
  sandboxName: string;
  sandboxId: string;
  connections: Entities;
  sourceConnections: Entities;
  targetConnections: Entities;
  flows: Entities;
  runs: Entities;
  /**
   * Every version of each mapping set, by id; index = version.
   */
  mappingSets: {
    [k: string]: {
      [k: string]: unknown;
    }[];
  };
  dataSets: {
    [k: string]: {
      [k: string]: unknown;
    };
  };
  /**
   * XDM schemas by $id.
   */
  schemas: {
    [k: string]: {
      [k: string]: unknown;
    };
  };
}
export interface Entities {
  [k: string]: FlowServiceEntity;
}
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
