import type { SchemaRegistry } from '../../schema/registry.js';
import {
  createConnection,
  createFlow,
  createSourceConnection,
  createTargetConnection,
  type CreatorDeps,
} from './creators.js';
import { touched, type Actor, type FlowResource, type FlowServiceEntity } from './entities.js';
import { FLOW_ERRORS, flowError, unwrap } from './errors.js';
import {
  applyFlowPatch,
  ifMatchError,
  parseListQuery,
  runListQuery,
  type Page,
  type QueryParams,
} from './query/index.js';
import { checkMapping, type Transformation } from './mapping-check.js';
import { createRun } from './runs.js';

type Entity = FlowServiceEntity & Record<string, unknown>;
export type Written = { id: string; etag: string };

const CREATE_SCHEMA: Record<FlowResource, string> = {
  connections: 'aep/requests/create-connection',
  sourceConnections: 'aep/requests/create-source-connection',
  targetConnections: 'aep/requests/create-target-connection',
  flows: 'aep/requests/create-flow',
  runs: 'aep/requests/create-run',
};

const CREATORS: Record<FlowResource, (deps: CreatorDeps, actor: Actor, body: never) => Entity> = {
  connections: createConnection,
  sourceConnections: createSourceConnection,
  targetConnections: createTargetConnection,
  flows: createFlow,
  runs: createRun,
};

/**
 * Flow Service over the tenant's state: every method either returns its result or throws a
 * FlowError carrying Adobe's code; the router renders those in Adobe's problem format.
 */
export class FlowService {
  readonly #deps: CreatorDeps;
  readonly #schemas: SchemaRegistry;

  constructor(deps: CreatorDeps, schemas: SchemaRegistry) {
    this.#deps = deps;
    this.#schemas = schemas;
  }

  create(resource: FlowResource, actor: Actor, body: unknown): Written {
    if (body === undefined || body === null) throw flowError(FLOW_ERRORS.emptyBody, {});
    this.#validate(resource, body);
    const entity = CREATORS[resource](this.#deps, actor, body as never);
    this.#deps.repo.put(actor.tenant, resource, entity.id, entity);
    return { id: entity.id, etag: entity.etag };
  }

  get(resource: FlowResource, actor: Actor, id: string): Entity {
    const entity = this.#deps.repo.get<Entity>(actor.tenant, resource, id);
    if (!entity) throw flowError(FLOW_ERRORS.resourceNotFound, { resource, id });
    return entity;
  }

  list(resource: FlowResource, actor: Actor, query: QueryParams): Page<object> {
    const parsed = unwrap(parseListQuery(query));
    const items = this.#deps.repo.list<Entity>(actor.tenant, resource);
    return unwrap(runListQuery(items, parsed, `/${resource}|${actor.tenant.imsOrgId}|${actor.tenant.sandboxName}`));
  }

  /** JSON Patch under If-Match, answered with the new etag (reference §3.3). */
  patch(resource: FlowResource, actor: Actor, id: string, ifMatch: string | undefined, body: unknown): Written {
    const current = this.get(resource, actor, id);
    const mismatch = ifMatchError(ifMatch, current.etag);
    if (mismatch) throw mismatch;
    const patched = unwrap(applyFlowPatch(current, body)).entity;
    // A patched entity must still be what a create would accept, and a flow's mapping must still
    // exist and fit its targets: update-dataflows.md patches /transformations/0 (FLOW-1412).
    this.#validate(resource, patched);
    if (resource === 'flows') {
      const targets = idsOf(patched.targetConnectionIds)
        .map((targetId) => this.#deps.repo.get<Entity>(actor.tenant, 'targetConnections', targetId))
        .filter((t): t is Entity => t !== undefined);
      for (const t of (patched.transformations ?? []) as Transformation[])
        checkMapping(this.#deps.repo, actor.tenant, t, targets);
    }
    const entity = touched(this.#deps.ids, actor, patched);
    this.#deps.repo.put(actor.tenant, resource, id, entity);
    return { id, etag: entity.etag };
  }

  /** A body the create schema refuses is FLOW-1100, with the schema's problems as errorDetails. */
  #validate(resource: FlowResource, body: unknown): void {
    const problems = this.#schemas.validate(CREATE_SCHEMA[resource], body);
    if (problems.length > 0) {
      throw flowError(
        FLOW_ERRORS.invalidRequest,
        { detail: problems.map((p) => `${p.path || '/'} ${p.message}`).join('; ') },
        problems,
      );
    }
  }

  delete(resource: FlowResource, actor: Actor, id: string): void {
    this.get(resource, actor, id);
    const flows = this.#deps.repo.list<Entity>(actor.tenant, 'flows');
    if (resource === 'connections' && flows.some((f) => usesBaseConnection(this.#deps, actor, f, id))) {
      throw flowError(FLOW_ERRORS.baseConnectionInUse, { id });
    }
    const key = resource === 'sourceConnections' ? 'sourceConnectionIds' : 'targetConnectionIds';
    if (
      (resource === 'sourceConnections' || resource === 'targetConnections') &&
      flows.some((f) => idsOf(f[key]).includes(id))
    ) {
      throw flowError(FLOW_ERRORS.activeFlowsContain, { id });
    }
    this.#deps.repo.delete(actor.tenant, resource, id);
  }

  /** POST /flows/{id}/action?op=ENABLE|DISABLE: a state change, with a new etag. */
  flowAction(actor: Actor, id: string, op: string, ifMatch: string | undefined): Written {
    const flow = this.get('flows', actor, id);
    if (ifMatch !== undefined) {
      const mismatch = ifMatchError(ifMatch, flow.etag);
      if (mismatch) throw mismatch;
    }
    const action = op.toLowerCase();
    if (action !== 'enable' && action !== 'disable')
      throw flowError(FLOW_ERRORS.invalidQueryValue, { query: `op=${op}` });
    const now = this.#deps.ids.now();
    const entity = touched(this.#deps.ids, actor, {
      ...flow,
      state: action === 'enable' ? ('enabled' as const) : ('disabled' as const),
      lastOperation: { started: now, updated: now, operation: action },
    });
    this.#deps.repo.put(actor.tenant, 'flows', id, entity);
    return { id, etag: entity.etag };
  }
}

function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function usesBaseConnection(deps: CreatorDeps, actor: Actor, flow: Entity, connectionId: string): boolean {
  return idsOf(flow.sourceConnectionIds).some(
    (sourceId) => deps.repo.get<Entity>(actor.tenant, 'sourceConnections', sourceId)?.baseConnectionId === connectionId,
  );
}
