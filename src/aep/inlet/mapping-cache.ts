import { compileMappingSet, type CompiledMappingSet } from '../data-prep/index.js';
import type { AepRepository } from '../repository.js';
import { tenantKey, type TenantRef } from '../state.js';

type StoredVersion = { mappings: unknown[] };

/**
 * Compiled mapping sets by tenant, id and version, so that the inlet compiles once. An entry
 * is reused only while the stored mappings are the same text: a reset or an imported state
 * may reuse an id (deterministic ids do) with other mappings.
 */
export class MappingCache {
  readonly #repo: AepRepository;
  readonly #compiled = new Map<string, { source: string; mappingSet: CompiledMappingSet }>();

  constructor(repo: AepRepository) {
    this.#repo = repo;
  }

  get(ref: TenantRef, id: string, version: number): CompiledMappingSet | undefined {
    const stored = this.#repo.get<StoredVersion[]>(ref, 'mappingSets', id)?.[version];
    if (!stored) return undefined;
    const key = `${tenantKey(ref)}|${id}|${version}`;
    const source = JSON.stringify(stored.mappings);
    const cached = this.#compiled.get(key);
    if (cached?.source === source) return cached.mappingSet;
    const result = compileMappingSet(stored.mappings);
    if (!result.ok) return undefined;
    this.#compiled.set(key, { source, mappingSet: result.mappingSet });
    return result.mappingSet;
  }
}
