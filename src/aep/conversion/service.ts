import type { MappingSetRequest } from '../../generated/aep/requests/mapping-set.js';
import type { Problem } from '../../schema/registry.js';
import { compileMappingSet, normalizeMappings, renderMapping } from '../data-prep/index.js';
import type { IdSource } from '../ids.js';
import type { AepRepository } from '../repository.js';
import type { TenantRef } from '../state.js';

/** One stored version of a mapping set, in the read shape (reference §4, MappingSet). */
export type MappingSetVersion = Omit<MappingSetRequest, 'version' | 'mappings'> & {
  id: string;
  version: number;
  status: 'PUBLISHED';
  /** A string in data-prep.yaml (MappingSet.supportVersion) and its MapperSetPage example, "1.1". */
  supportVersion: string;
  strictMapping: boolean;
  allowNullValues: boolean;
  createdDate: number;
  modifiedDate: number;
  createdBy: string;
  modifiedBy: string;
  mappings: Array<Record<string, unknown>>;
};

/** What POST and PUT answer: the id, the version and who wrote it when (reference §4). */
export type WriteSummary = Pick<
  MappingSetVersion,
  'id' | 'version' | 'createdDate' | 'modifiedDate' | 'createdBy' | 'modifiedBy'
>;

export type PageQuery = { limit: number; start: number; name?: string; orderBy?: string };

/** Mapping sets: every version kept, the latest served by default. Returns problems, never throws for input. */
export class MappingSetService {
  readonly #repo: AepRepository;
  readonly #ids: IdSource;

  constructor(repo: AepRepository, ids: IdSource) {
    this.#repo = repo;
    this.#ids = ids;
  }

  /** POST answers 200, not 201, with a 32-hex id and version 0 (reference §4). */
  create(ref: TenantRef, body: MappingSetRequest, client: string): WriteSummary | Problem[] {
    return this.#write(ref, this.#ids.hex(32), [], body, client);
  }

  /** PUT replaces the mapping set by adding the next version; the earlier ones stay readable. */
  replace(ref: TenantRef, id: string, body: MappingSetRequest, client: string): WriteSummary | Problem[] | undefined {
    const versions = this.versions(ref, id);
    return versions ? this.#write(ref, id, versions, body, client) : undefined;
  }

  versions(ref: TenantRef, id: string): MappingSetVersion[] | undefined {
    return this.#repo.get<MappingSetVersion[]>(ref, 'mappingSets', id);
  }

  /** A version, or the latest; undefined when either does not exist. */
  get(ref: TenantRef, id: string, version?: number): MappingSetVersion | undefined {
    const versions = this.versions(ref, id);
    return versions?.[version ?? versions.length - 1];
  }

  list(ref: TenantRef, query: PageQuery): { data: MappingSetVersion[]; total: number } {
    const [field = 'createdDate', direction] = orderOf(query.orderBy);
    const latest = this.#repo
      .list<MappingSetVersion[]>(ref, 'mappingSets')
      .map((versions) => versions[versions.length - 1]!)
      .filter((m) => query.name === undefined || m.name === query.name)
      .sort((a, b) => (a[field] - b[field]) * direction || a.id.localeCompare(b.id));
    return { data: latest.slice(query.start, query.start + query.limit), total: latest.length };
  }

  #write(
    ref: TenantRef,
    id: string,
    earlier: MappingSetVersion[],
    body: MappingSetRequest,
    client: string,
  ): WriteSummary | Problem[] {
    const { mappings, problems } = normalizeMappings(body.mappings);
    if (problems.length) return problems;
    // Compiling finds what normalising cannot: expressions that do not parse, bad paths.
    const compiled = compileMappingSet(body.mappings);
    if (!compiled.ok) return compiled.problems;
    const now = this.#ids.now();
    const user = `${client}@AdobeID`;
    const version = earlier.length;
    const stamp = {
      version,
      createdDate: earlier[0]?.createdDate ?? now,
      modifiedDate: now,
      createdBy: earlier[0]?.createdBy ?? user,
      modifiedBy: user,
    };
    const { version: _clientVersion, mappings: _raw, ...rest } = body;
    const stored: MappingSetVersion = {
      ...rest,
      id,
      status: 'PUBLISHED',
      supportVersion: '1.1',
      strictMapping: body.strictMapping ?? false,
      allowNullValues: body.allowNullValues ?? false,
      ...stamp,
      // Read back with both spellings plus per-mapping ids and dates, as Adobe answers (reference §4).
      mappings: mappings.map((m) => ({ id: this.#ids.hex(32), ...renderMapping(m), ...stamp })),
    };
    this.#repo.put(ref, 'mappingSets', id, [...earlier, stored]);
    return { id, ...stamp };
  }
}

/** `orderBy` is `±createdDate` or `±updatedDate` (reference §4); updatedDate is our modifiedDate. */
function orderOf(raw: string | undefined): ['createdDate' | 'modifiedDate', 1 | -1] {
  const direction = raw?.startsWith('-') ? -1 : 1;
  const field = raw?.replace(/^[+-]/, '') === 'updatedDate' ? 'modifiedDate' : 'createdDate';
  return [field, direction];
}
