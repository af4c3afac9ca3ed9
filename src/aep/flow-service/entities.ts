import type { FlowServiceEntity } from '../../generated/aep/entity.js';
import type { IdSource } from '../ids.js';
import type { AepRepository } from '../repository.js';
import type { TenantRef } from '../state.js';
import { cosmosEtagSource, createEtag, type EtagSource } from './query/index.js';

export type { FlowServiceEntity };

/** Who performs a Flow Service call: the tenant from the gateway and the calling client (x-api-key). */
export type Actor = { tenant: TenantRef; client: string };

/** The Flow Service collections an id can name, in Adobe's own resource names. */
export type FlowResource = 'connections' | 'sourceConnections' | 'targetConnections' | 'flows' | 'runs';

/** Adobe's etags are Cosmos DB `_etag`s: a time-derived id in literal quotes (reference §3.1). */
export function etagSource(ids: IdSource): EtagSource {
  return cosmosEtagSource(ids.now, () => Number.parseInt(ids.hex(8), 16) / 0x1_0000_0000);
}

/** The common fields of a new entity around `body`; `version` and `etag` share one value. */
export function newEntity<T extends object>(
  repo: AepRepository,
  ids: IdSource,
  actor: Actor,
  body: T,
): T & FlowServiceEntity {
  const now = ids.now();
  const etag = createEtag(etagSource(ids));
  const user = `${actor.client}@AdobeID`;
  return {
    ...body,
    id: ids.uuid(),
    createdAt: now,
    updatedAt: now,
    createdBy: user,
    updatedBy: user,
    createdClient: actor.client,
    updatedClient: actor.client,
    sandboxId: repo.sandboxId(actor.tenant),
    sandboxName: actor.tenant.sandboxName,
    imsOrgId: actor.tenant.imsOrgId,
    version: etag,
    etag,
  };
}

/** The entity after a change: new etag and version, update time and client. */
export function touched<T extends FlowServiceEntity>(ids: IdSource, actor: Actor, entity: T): T {
  const etag = createEtag(etagSource(ids));
  return {
    ...entity,
    updatedAt: ids.now(),
    updatedBy: `${actor.client}@AdobeID`,
    updatedClient: actor.client,
    version: etag,
    etag,
  };
}

/**
 * Inlet URLs are stored as paths (`/collection/<inletId>`) and made absolute when shown, so
 * they stay right when the emulator restarts on another port or behind --public-url. They
 * live in a flow's `options` and a streaming connection's `auth.params` (reference §3.1).
 */
export function presentEntity<T extends object>(entity: T, baseUrl: string): T {
  const e = entity as { options?: { inletUrl?: unknown }; auth?: { params?: { inletUrl?: unknown } } };
  const flowInlet = e.options?.inletUrl;
  const connectionInlet = e.auth?.params?.inletUrl;
  if (typeof flowInlet !== 'string' && typeof connectionInlet !== 'string') return entity;
  const copy = structuredClone(e);
  if (typeof flowInlet === 'string') copy.options!.inletUrl = `${baseUrl}${flowInlet}`;
  if (typeof connectionInlet === 'string') copy.auth!.params!.inletUrl = `${baseUrl}${connectionInlet}`;
  return copy as T;
}

/** The inlet path of a new inlet id: 64 hex characters, as DCS ids are (reference §5). */
export function newInletPath(ids: IdSource): { inletId: string; inletUrl: string } {
  const inletId = ids.hex(64);
  return { inletId, inletUrl: `/collection/${inletId}` };
}
