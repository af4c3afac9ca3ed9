import type { EmulatorState } from '../generated/control/state.js';
import type { Store } from '../store/store.js';
import type { IdSource } from './ids.js';
import { emptyTenant, tenantKey, type AepCollection, type AepTenant, type TenantRef } from './state.js';

/**
 * The only code that reads or changes AEP state. Reads hand out copies, so no caller keeps
 * a reference into the stored document; writes go through the store's journaled ops.
 */
export class AepRepository {
  readonly #store: Store<EmulatorState>;
  readonly #ids: IdSource;

  constructor(store: Store<EmulatorState>, ids: IdSource) {
    this.#store = store;
    this.#ids = ids;
  }

  /** The tenant's sandbox id, creating the tenant on its first write. */
  sandboxId(ref: TenantRef): string {
    return this.#tenant(ref)?.sandboxId ?? this.#create(ref).sandboxId;
  }

  get<T>(ref: TenantRef, collection: AepCollection, id: string): T | undefined {
    const value = this.#tenant(ref)?.[collection][id];
    return value === undefined ? undefined : (structuredClone(value) as T);
  }

  list<T>(ref: TenantRef, collection: AepCollection): T[] {
    const entries = this.#tenant(ref)?.[collection];
    return entries ? (Object.values(structuredClone(entries)) as T[]) : [];
  }

  /** A copy of the first value that matches; only that one is copied, not the whole collection. */
  find<T>(ref: TenantRef, collection: AepCollection, match: (value: Readonly<T>) => boolean): T | undefined {
    const entries = this.#tenant(ref)?.[collection];
    for (const value of Object.values(entries ?? {}) as T[]) if (match(value)) return structuredClone(value);
    return undefined;
  }

  put(ref: TenantRef, collection: AepCollection, id: string, value: unknown): void {
    this.sandboxId(ref);
    this.#store.dispatch('aep.put', { key: tenantKey(ref), collection, id, value });
  }

  delete(ref: TenantRef, collection: AepCollection, id: string): void {
    this.#store.dispatch('aep.delete', { key: tenantKey(ref), collection, id });
  }

  /** Every tenant's key and a copy of one collection: for lookups that cross tenants (the inlet). */
  findAcrossTenants<T>(
    collection: AepCollection,
    match: (value: T) => boolean,
  ): { ref: TenantRef; value: T } | undefined {
    return this.#store.read((state) => {
      for (const tenant of Object.values(state.aep?.tenants ?? {})) {
        for (const value of Object.values(tenant[collection]) as T[]) {
          if (match(value))
            return {
              ref: { imsOrgId: tenant.imsOrgId, sandboxName: tenant.sandboxName },
              value: structuredClone(value),
            };
        }
      }
      return undefined;
    });
  }

  #tenant(ref: TenantRef): Readonly<AepTenant> | undefined {
    return this.#store.read((state) => state.aep?.tenants[tenantKey(ref)]);
  }

  #create(ref: TenantRef): AepTenant {
    const tenant = emptyTenant(ref, this.#ids.uuid());
    this.#store.dispatch('aep.tenant', { tenant });
    return tenant;
  }
}
