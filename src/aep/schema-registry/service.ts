import type { CreateXdmSchemaRequest } from '../../generated/aep/requests/create-schema.js';
import type { IdSource } from '../ids.js';
import type { AepRepository } from '../repository.js';
import type { TenantRef } from '../state.js';

/** A stored XDM schema, as GET /tenant/schemas/{id} returns it. */
export type XdmSchema = CreateXdmSchemaRequest & {
  $id: string;
  'meta:altId': string;
  'meta:resourceType': 'schemas';
  version: string;
  'meta:tenantNamespace': string;
  'meta:registryMetadata': Record<string, unknown>;
};

/**
 * The tenant id Adobe puts in schema ids and namespaces (`https://ns.adobe.com/{TENANT_ID}/…`,
 * `_{TENANT_ID}`). A real org has one chosen at provisioning; the emulator derives a stable
 * one from the org id, e.g. `ACME123@AdobeOrg` → `acme123`.
 */
export function tenantId(ref: TenantRef): string {
  return (
    ref.imsOrgId
      .split('@')[0]!
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '') || 'tenant'
  );
}

export class SchemaRegistryService {
  readonly #repo: AepRepository;
  readonly #ids: IdSource;

  constructor(repo: AepRepository, ids: IdSource) {
    this.#repo = repo;
    this.#ids = ids;
  }

  create(ref: TenantRef, body: CreateXdmSchemaRequest, client: string): XdmSchema {
    const tenant = tenantId(ref);
    const hex = this.#ids.hex(48);
    const now = this.#ids.now();
    const schema: XdmSchema = {
      type: 'object',
      ...body,
      $id: `https://ns.adobe.com/${tenant}/schemas/${hex}`,
      'meta:altId': `_${tenant}.schemas.${hex}`,
      'meta:resourceType': 'schemas',
      version: '1.0',
      'meta:tenantNamespace': `_${tenant}`,
      'meta:registryMetadata': {
        'repo:createdDate': now,
        'repo:lastModifiedDate': now,
        'xdm:createdClientId': client,
        'xdm:repositoryCreatedBy': client,
        'meta:containerId': 'tenant',
        eTag: this.#ids.hex(40),
      },
    };
    this.#repo.put(ref, 'schemas', schema.$id, schema);
    return schema;
  }

  /** By `$id` or by `meta:altId`, the two ways Adobe lets a path name a schema. */
  find(ref: TenantRef, idOrAltId: string): XdmSchema | undefined {
    return (
      this.#repo.get<XdmSchema>(ref, 'schemas', idOrAltId) ??
      this.#repo.list<XdmSchema>(ref, 'schemas').find((s) => s['meta:altId'] === idOrAltId)
    );
  }

  list(ref: TenantRef): XdmSchema[] {
    return this.#repo.list<XdmSchema>(ref, 'schemas');
  }
}
