import { applyPipelinesEvent, type PipelinesEvent } from '../../../src/workspace/apply-pipelines.js';
import { applyTrackOperation } from '../../../src/workspace/apply-track.js';
import { findPersonBy } from '../../../src/workspace/queries.js';
import { emptyWorkspace } from '../../../src/workspace/state.js';
import type { ApplyResult, Person, TrackOperation, Workspace } from '../../../src/workspace/types.js';

export const T0_ISO = '2024-01-01T00:00:00.000Z';
export const T0 = 1704067200;

export function fresh(): Workspace {
  return emptyWorkspace();
}

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Applies a Track API operation at T0 unless it says otherwise. */
export function track(
  workspace: Workspace,
  op: DistributiveOmit<TrackOperation, 'timestamp'> & { timestamp?: number },
): ApplyResult {
  return applyTrackOperation(workspace, { timestamp: T0, ...op } as TrackOperation, { maxActivities: 1000 });
}

let messages = 0;

/** Applies an enriched Data Pipelines event at T0 unless it says otherwise. */
export function pipe(
  workspace: Workspace,
  event: Record<string, unknown> & { type: PipelinesEvent['type'] },
): ApplyResult {
  messages += 1;
  const enriched = { messageId: `msg-${messages}`, timestamp: T0_ISO, ...event } as PipelinesEvent;
  return applyPipelinesEvent(workspace, enriched, { maxActivities: 1000 });
}

export function person(workspace: Workspace, value: string, idType: 'id' | 'email' | 'cio_id' = 'id'): Person {
  const found = findPersonBy(workspace, value, idType);
  if (!found) throw new Error(`no person ${idType}=${value}`);
  return found;
}

export function peopleCount(workspace: Workspace): number {
  return Object.keys(workspace.people).length;
}

export function kinds(result: ApplyResult): string[] {
  return result.changes.map((change) => change.kind);
}

export function codes(result: ApplyResult): string[] {
  return result.problems.map((problem) => problem.code);
}

export function activityTypes(workspace: Workspace, cioId?: string): string[] {
  return workspace.activities.filter((a) => cioId === undefined || a.cio_id === cioId).map((a) => a.type);
}
