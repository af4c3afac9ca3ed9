import { compileMappingSet, type CompiledMappingSet } from '../data-prep/index.js';
import type { IdSource } from '../ids.js';
import type { AepRepository } from '../repository.js';
import { xdmTypeAt } from '../schema-registry/type-at.js';
import type { XdmSchema } from '../schema-registry/service.js';
import { tenantKey, type TenantRef } from '../state.js';

type StoredVersion = { mappings: unknown[]; allowNullValues?: boolean };

/**
 * Compiled mapping sets by tenant, id, version and target schema, so that the inlet compiles
 * once. Values are converted to the target schema's field types, as Data Prep does. An entry
 * is reused only while the stored mappings are the same text: a reset or an imported state
 * may reuse an id (deterministic ids do) with other mappings.
 */
export class MappingCache {
  readonly #repo: AepRepository;
  readonly #compiled = new Map<string, { source: string; mappingSet: CompiledMappingSet }>();

  readonly #ids: IdSource;

  constructor(repo: AepRepository, ids: IdSource) {
    this.#repo = repo;
    this.#ids = ids;
  }

  get(ref: TenantRef, id: string, version: number, schema: XdmSchema | undefined): CompiledMappingSet | undefined {
    const stored = this.#repo.get<StoredVersion[]>(ref, 'mappingSets', id)?.[version];
    if (!stored) return undefined;
    const schemaKey = schema ? `${schema.$id}@${String(schema['meta:registryMetadata']['repo:lastModifiedDate'])}` : '';
    const key = `${tenantKey(ref)}|${id}|${version}|${schemaKey}`;
    const source = JSON.stringify(stored.mappings);
    const cached = this.#compiled.get(key);
    if (cached?.source === source) return cached.mappingSet;
    const result = compileMappingSet(stored.mappings, {
      allowNullValues: stored.allowNullValues ?? false,
      // now(), uuid() and friends read the emulator's sources, so deterministic mode covers them.
      services: { clock: this.#ids.now, randomUUID: this.#ids.uuid },
      ...(schema ? { targetType: (destination: string) => xdmTypeAt(schema, destination) } : {}),
    });
    if (!result.ok) return undefined;
    this.#compiled.set(key, { source, mappingSet: result.mappingSet });
    return result.mappingSet;
  }
}
