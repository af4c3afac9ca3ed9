import type { FlowServiceEntity } from '../flow-service/entities.js';
import type { AepRepository } from '../repository.js';
import type { TenantRef } from '../state.js';

/** A flow as the inlet reads it. */
export type InletFlow = FlowServiceEntity & {
  state?: string;
  sourceConnectionIds?: string[];
  targetConnectionIds?: string[];
  transformations?: Array<{ name: string; params: { mappingId?: string; mappingVersion?: number | string } }>;
  options?: { inletUrl?: string };
};

type StreamingConnection = FlowServiceEntity & {
  auth?: { params?: { inletId?: string; authenticationRequired?: boolean } };
};

/**
 * What an inlet id names: a webhook flow's own inlet (its `options.inletUrl`), or an HTTP API
 * streaming connection's inlet, shared by the flows built on it (reference §3.1, §5).
 */
export type Inlet = { ref: TenantRef; inletId: string; flow?: InletFlow; connection?: StreamingConnection };

export function findInlet(repo: AepRepository, inletId: string): Inlet | undefined {
  const path = `/collection/${inletId}`;
  const byFlow = repo.findAcrossTenants<InletFlow>('flows', (f) => f.options?.inletUrl === path);
  if (byFlow) return { ref: byFlow.ref, inletId, flow: byFlow.value };
  const byConnection = repo.findAcrossTenants<StreamingConnection>(
    'connections',
    (c) => c.auth?.params?.inletId === inletId,
  );
  return byConnection ? { ref: byConnection.ref, inletId, connection: byConnection.value } : undefined;
}

export function requiresAuthentication(inlet: Inlet): boolean {
  return inlet.connection?.auth?.params?.authenticationRequired === true;
}

/**
 * The flow a message goes through: the inlet's own flow, or, on a connection's inlet, the flow
 * named by `x-adobe-flow-id` (or the XDM header's flowId) that reads from that connection.
 */
export function flowFor(repo: AepRepository, inlet: Inlet, flowId: string | undefined): InletFlow | string {
  if (inlet.flow) {
    if (flowId !== undefined && flowId !== inlet.flow.id)
      return `Flow ${flowId} does not belong to inlet ${inlet.inletId}`;
    return inlet.flow;
  }
  if (flowId === undefined)
    return `Missing flow id: send the x-adobe-flow-id header or query parameter for inlet ${inlet.inletId}`;
  const flow = repo.get<InletFlow>(inlet.ref, 'flows', flowId);
  const connectionId = inlet.connection?.id;
  const reads = flow?.sourceConnectionIds?.some(
    (id) =>
      repo.get<{ baseConnectionId?: string }>(inlet.ref, 'sourceConnections', id)?.baseConnectionId === connectionId,
  );
  return flow && reads ? flow : `Flow ${flowId} was not found for inlet ${inlet.inletId}`;
}
