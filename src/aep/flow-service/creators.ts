import type { CreateConnectionRequest } from '../../generated/aep/requests/create-connection.js';
import type { CreateFlowRequest } from '../../generated/aep/requests/create-flow.js';
import type { CreateSourceConnectionRequest } from '../../generated/aep/requests/create-source-connection.js';
import type { CreateTargetConnectionRequest } from '../../generated/aep/requests/create-target-connection.js';
import type { IdSource } from '../ids.js';
import type { AepRepository } from '../repository.js';
import { newEntity, newInletPath, type Actor, type FlowServiceEntity } from './entities.js';
import { FLOW_ERRORS, flowError } from './errors.js';
import { checkMapping } from './mapping-check.js';
import { isStreaming, SPEC_IDS, type FlowSpec, type SpecCatalogue } from './specs.js';

export type CreatorDeps = { repo: AepRepository; ids: IdSource; specs: SpecCatalogue };
type Entity = FlowServiceEntity & Record<string, unknown>;

/** A base connection. The HTTP API's streaming connection gets its inlet here (reference §3.1). */
export function createConnection(deps: CreatorDeps, actor: Actor, body: CreateConnectionRequest): Entity {
  requireConnectionSpec(deps, body.connectionSpec.id);
  const streaming = body.connectionSpec.id === SPEC_IDS.httpApi;
  const params = { ...(body.auth?.params ?? {}) };
  if (streaming)
    Object.assign(params, newInletPath(deps.ids), { authenticationRequired: params.authenticationRequired ?? false });
  // Every HTTP API connection has an inlet, even one created without `auth`.
  const auth = body.auth || streaming ? { specName: 'Streaming Connection', ...body.auth, params } : undefined;
  return newEntity(deps.repo, deps.ids, actor, { ...body, ...(auth ? { auth } : {}), state: 'enabled' as const });
}

export function createSourceConnection(deps: CreatorDeps, actor: Actor, body: CreateSourceConnectionRequest): Entity {
  requireConnectionSpec(deps, body.connectionSpec.id);
  if (body.baseConnectionId !== undefined) requireEntity(deps, actor, 'connections', body.baseConnectionId);
  return newEntity(deps.repo, deps.ids, actor, { ...body, state: 'enabled' as const });
}

export function createTargetConnection(deps: CreatorDeps, actor: Actor, body: CreateTargetConnectionRequest): Entity {
  requireConnectionSpec(deps, body.connectionSpec.id);
  const dataSetId = body.params?.dataSetId;
  if (dataSetId !== undefined && !deps.repo.get(actor.tenant, 'dataSets', dataSetId)) {
    throw flowError(FLOW_ERRORS.invalidRequest, { detail: `Dataset ${dataSetId} does not exist.` });
  }
  return newEntity(deps.repo, deps.ids, actor, { ...body, state: 'enabled' as const });
}

/**
 * A dataflow: its spec must exist and fit its connections, its mapping must exist at that
 * version and write the target dataset's schema (FLOW 1410, 1412, 1413, 1419, 1425).
 */
export function createFlow(deps: CreatorDeps, actor: Actor, body: CreateFlowRequest): Entity {
  if ('state' in body) throw flowError(FLOW_ERRORS.stateInCreateFlow, {});
  const flowSpec = deps.specs.flowSpecs.get(body.flowSpec.id);
  if (!flowSpec) throw flowError(FLOW_ERRORS.invalidSpecId, {});
  const sources = (body.sourceConnectionIds ?? []).map((id) => requireEntity(deps, actor, 'sourceConnections', id));
  const targets = (body.targetConnectionIds ?? []).map((id) => requireEntity(deps, actor, 'targetConnections', id));
  requireFit(flowSpec, 'source', sources, flowSpec.sourceConnectionSpecIds);
  requireFit(flowSpec, 'target', targets, flowSpec.targetConnectionSpecIds);
  for (const transformation of body.transformations ?? [])
    checkMapping(deps.repo, actor.tenant, transformation, targets);
  const inheritedAttributes = {
    properties: { isSourceFlow: true },
    sourceConnections: sources.map((s) => ({
      id: s.id,
      connectionSpec: s.connectionSpec,
      ...(s.baseConnectionId ? { baseConnection: baseConnectionOf(deps, actor, String(s.baseConnectionId)) } : {}),
    })),
    targetConnections: targets.map((t) => ({ id: t.id, connectionSpec: t.connectionSpec })),
  };
  const flow = newEntity(deps.repo, deps.ids, actor, {
    ...body,
    state: 'enabled' as const,
    inheritedAttributes,
    providerRefId: deps.ids.uuid(),
    // A new flow starts enabled; Adobe's GET after create shows the enable operation (customerio-webhook.md).
    lastOperation: { started: 0, updated: 0, operation: 'enable' },
  });
  const streamingInlet = isStreaming(flowSpec) && !sources.some((s) => s.baseConnectionId);
  return {
    ...flow,
    runs: `/runs?property=flowId==${flow.id}`,
    // Webhook flows have an inlet of their own; HTTP API flows use their base connection's.
    ...(streamingInlet ? { options: { ...(body.options ?? {}), inletUrl: newInletPath(deps.ids).inletUrl } } : {}),
  };
}

function requireConnectionSpec(deps: CreatorDeps, id: string): void {
  if (!deps.specs.connectionSpecs.has(id)) throw flowError(FLOW_ERRORS.invalidSpecId, {});
}

function requireEntity(
  deps: CreatorDeps,
  actor: Actor,
  resource: 'connections' | 'sourceConnections' | 'targetConnections',
  id: string,
): Entity {
  const entity = deps.repo.get<Entity>(actor.tenant, resource, id);
  if (!entity) throw flowError(FLOW_ERRORS.resourceNotFound, { resource, id });
  return entity;
}

function requireFit(
  flowSpec: FlowSpec,
  side: string,
  connections: readonly Entity[],
  allowed: readonly string[],
): void {
  for (const connection of connections) {
    const specId = (connection.connectionSpec as { id: string }).id;
    if (!allowed.includes(specId)) {
      const detail = `Flow spec ${flowSpec.id} (${flowSpec.name}) does not support the ${side} connection spec ${specId}.`;
      throw flowError(FLOW_ERRORS.invalidRequest, { detail });
    }
  }
}

function baseConnectionOf(deps: CreatorDeps, actor: Actor, id: string): Record<string, unknown> {
  const base = requireEntity(deps, actor, 'connections', id);
  return { id: base.id, connectionSpec: base.connectionSpec };
}
