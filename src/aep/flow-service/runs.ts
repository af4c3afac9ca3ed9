import type { CreateFlowRunRequest } from '../../generated/aep/requests/create-run.js';
import { newEntity, touched, type Actor, type FlowServiceEntity } from './entities.js';
import type { CreatorDeps } from './creators.js';
import { FLOW_ERRORS, flowError } from './errors.js';

/** What one inlet request did to a flow's records (reference §3.1, RecordSummaryDTO). */
export type RecordCounts = { input: number; created: number; failed: number };

type Run = FlowServiceEntity & {
  flowId: string;
  metrics: { durationSummary: { startedAtUTC: number; completedAtUTC: number }; recordSummary: Record<string, number> };
  [key: string]: unknown;
};

/**
 * Streaming flows have no documented run cadence (reference §11); the emulator keeps one run
 * per flow and UTC hour, created by the first message of that hour and counting every message
 * the inlet received for the flow within it.
 */
export const RUN_WINDOW_MS = 60 * 60 * 1000;

export function createRun(deps: CreatorDeps, actor: Actor, body: CreateFlowRunRequest): Run {
  if (!body.flowId) throw flowError(FLOW_ERRORS.flowIdMissing, {});
  const flow = deps.repo.get<FlowServiceEntity & { flowSpec: unknown; providerRefId?: string }>(
    actor.tenant,
    'flows',
    body.flowId,
  );
  if (!flow) throw flowError(FLOW_ERRORS.flowNotFound, { id: body.flowId });
  const start = body.params?.windowStartTime ?? body.params?.startTime ?? deps.ids.now();
  return newEntity(deps.repo, deps.ids, actor, {
    flowId: flow.id,
    flowSpec: flow.flowSpec,
    providerRefId: flow.providerRefId ?? flow.id,
    ...(body.params ? { params: body.params } : {}),
    metrics: {
      durationSummary: { startedAtUTC: start, completedAtUTC: body.params?.windowEndTime ?? start + RUN_WINDOW_MS },
      recordSummary: emptySummary(),
      statusSummary: { status: 'inProgress' },
    },
    activities: [],
  });
}

/** Adds one inlet request's counts to the flow's run for the current hour, creating it if needed. */
export function countInletRecords(deps: CreatorDeps, actor: Actor, flowId: string, counts: RecordCounts): void {
  const now = deps.ids.now();
  const windowStart = now - (now % RUN_WINDOW_MS);
  // Called for every inlet request: copy only the matching run, not every run of the tenant.
  const current = deps.repo.find<Run>(
    actor.tenant,
    'runs',
    (r) => r.flowId === flowId && r.metrics.durationSummary.startedAtUTC === windowStart,
  );
  const run =
    current ??
    createRun(deps, actor, {
      flowId,
      params: { windowStartTime: windowStart, windowEndTime: windowStart + RUN_WINDOW_MS },
    });
  const summary = run.metrics.recordSummary;
  summary.inputRecordCount = (summary.inputRecordCount ?? 0) + counts.input;
  summary.createdRecordCount = (summary.createdRecordCount ?? 0) + counts.created;
  summary.failedRecordCount = (summary.failedRecordCount ?? 0) + counts.failed;
  deps.repo.put(actor.tenant, 'runs', run.id, touched(deps.ids, actor, run));
}

function emptySummary(): Record<string, number> {
  return {
    inputRecordCount: 0,
    createdRecordCount: 0,
    updatedRecordCount: 0,
    skippedRecordCount: 0,
    failedRecordCount: 0,
    deletedRecordCount: 0,
    warningRecordCount: 0,
  };
}
