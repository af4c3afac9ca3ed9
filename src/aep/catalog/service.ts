import type { CreateDataSetRequest } from '../../generated/aep/requests/create-dataset.js';
import type { IdSource } from '../ids.js';
import type { AepRepository } from '../repository.js';
import type { TenantRef } from '../state.js';

/** A stored dataset, as GET /dataSets/{id} returns it under its id. */
export type DataSet = CreateDataSetRequest & {
  id: string;
  imsOrg: string;
  sandboxId: string;
  created: number;
  updated: number;
  createdClient: string;
  createdUser: string;
  updatedUser: string;
  version: string;
  files: string;
  [key: string]: unknown;
};

export type ListQuery = { limit: number; start: number; name?: string; properties?: string[] };

/** Catalog's maximum page size (catalog.yaml components.parameters.limit). */
export const MAX_LIMIT = 100;

export class CatalogService {
  readonly #repo: AepRepository;
  readonly #ids: IdSource;

  constructor(repo: AepRepository, ids: IdSource) {
    this.#repo = repo;
    this.#ids = ids;
  }

  /** Dataset ids are 24 hex characters in every Catalog example (reference §6). */
  create(ref: TenantRef, body: CreateDataSetRequest, client: string): DataSet {
    const id = this.#ids.hex(24);
    const now = this.#ids.now();
    const dataSet: DataSet = {
      ...body,
      id,
      imsOrg: ref.imsOrgId,
      sandboxId: this.#repo.sandboxId(ref),
      created: now,
      updated: now,
      createdClient: client,
      createdUser: `${client}@AdobeID`,
      updatedUser: `${client}@AdobeID`,
      version: '1.0.0',
      files: `@/dataSetFiles?dataSetId=${id}`,
    };
    this.#repo.put(ref, 'dataSets', id, dataSet);
    return dataSet;
  }

  get(ref: TenantRef, id: string): DataSet | undefined {
    return this.#repo.get<DataSet>(ref, 'dataSets', id);
  }

  /** A page of datasets, oldest first, keyed by id as Catalog answers lists. */
  list(ref: TenantRef, query: ListQuery): Record<string, Partial<DataSet>> {
    const all = this.#repo
      .list<DataSet>(ref, 'dataSets')
      .filter((d) => query.name === undefined || d.name === query.name)
      .sort((a, b) => a.created - b.created || a.id.localeCompare(b.id))
      .slice(query.start, query.start + query.limit);
    return Object.fromEntries(all.map((d) => [d.id, query.properties ? pick(d, query.properties) : d]));
  }
}

function pick(dataSet: DataSet, keys: readonly string[]): Partial<DataSet> {
  return Object.fromEntries(keys.filter((k) => k in dataSet).map((k) => [k, dataSet[k]]));
}
