import type { AepTenant } from '../generated/aep/tenant.js';
import type { EmulatorState } from '../generated/control/state.js';
import type { Reducers } from '../store/store.js';

export type { AepTenant };
export type AepState = NonNullable<EmulatorState['aep']>;

/** The per-tenant collections, each keyed by id (XDM schemas by `$id`). */
export type AepCollection = Exclude<keyof AepTenant, 'imsOrgId' | 'sandboxName' | 'sandboxId'>;

/** Who a Platform request acts for: `x-gw-ims-org-id` plus `x-sandbox-name`. */
export type TenantRef = { imsOrgId: string; sandboxName: string };

export function tenantKey({ imsOrgId, sandboxName }: TenantRef): string {
  return `${imsOrgId}/${sandboxName}`;
}

export function initialAepState(): AepState {
  return { tenants: {} };
}

export function emptyTenant(ref: TenantRef, sandboxId: string): AepTenant {
  return {
    ...ref,
    sandboxId,
    connections: {},
    sourceConnections: {},
    targetConnections: {},
    flows: {},
    runs: {},
    mappingSets: {},
    dataSets: {},
    schemas: {},
  };
}

type PutArgs = { key: string; collection: AepCollection; id: string; value: unknown };
type DeleteArgs = { key: string; collection: AepCollection; id: string };

/**
 * AEP state changes are whole-value puts and deletes: the services compute the new entity
 * (ids, etags, timestamps included), so replaying the journal needs no clock or generator.
 */
export function aepReducers(): Reducers<EmulatorState> {
  return {
    'aep.tenant': (state: EmulatorState, { tenant }: { tenant: AepTenant }) => {
      state.aep ??= initialAepState();
      state.aep.tenants[tenantKey(tenant)] = tenant;
    },
    'aep.put': (state: EmulatorState, { key, collection, id, value }: PutArgs) => {
      const tenant = state.aep?.tenants[key];
      if (tenant) (tenant[collection] as Record<string, unknown>)[id] = value;
    },
    'aep.delete': (state: EmulatorState, { key, collection, id }: DeleteArgs) => {
      const tenant = state.aep?.tenants[key];
      if (tenant) delete (tenant[collection] as Record<string, unknown>)[id];
    },
  };
}
