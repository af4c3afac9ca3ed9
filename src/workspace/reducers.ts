import type { Reducers } from '../store/store.js';
import { applyPipelinesEvent, type PipelinesEvent } from './apply-pipelines.js';
import { applyTrackOperation } from './apply-track.js';
import { own, put } from './record.js';
import { emptyWorkspace } from './state.js';
import { DEFAULT_MAX_ACTIVITIES, type ApplyResult, type TrackOperation, type Workspace } from './types.js';

export type WorkspaceOp = 'workspace.pipelines' | 'workspace.track';

/** What one journaled workspace op did, handed to `onApplied` before `dispatch` returns. */
export type WorkspaceApplied = { op: WorkspaceOp; key: string } & ApplyResult;

export type WorkspaceReducerOptions = {
  /** Bound of each workspace's activity log (newest kept). */
  maxActivities?: number;
  /** Called synchronously by each reducer with what it changed: during replay too. */
  onApplied?: (applied: WorkspaceApplied) => void;
};

export type PipelinesArgs = { key: string; event: PipelinesEvent };
export type TrackArgs = { key: string; op: TrackOperation };

/** Any state that holds the workspaces, such as WorkspacesState or the emulator's whole state. */
export type WithWorkspaces = { workspaces?: Record<string, Workspace> };

/**
 * The ops the store journals and replays. Each reducer is a deterministic function of the state
 * and its args (ids come from the workspace's counters, times from the event or operation), so
 * replaying the journal rebuilds identical workspaces. A reducer returns nothing, as the store
 * requires; what it changed goes to `onApplied` (see createApplyCapture), since only the code that
 * dispatched knows whether to publish it.
 */
export function workspaceReducers<S extends WithWorkspaces>(options: WorkspaceReducerOptions = {}): Reducers<S> {
  const applyOptions = { maxActivities: options.maxActivities ?? DEFAULT_MAX_ACTIVITIES };
  const run = (state: S, op: WorkspaceOp, key: string, apply: (workspace: Workspace) => ApplyResult): void => {
    const result = apply(workspaceFor(state, key));
    options.onApplied?.({ op, key, ...result });
  };
  return {
    'workspace.pipelines': (state: S, { key, event }: PipelinesArgs) =>
      run(state, 'workspace.pipelines', key, (workspace) => applyPipelinesEvent(workspace, event, applyOptions)),
    'workspace.track': (state: S, { key, op }: TrackArgs) =>
      run(state, 'workspace.track', key, (workspace) => applyTrackOperation(workspace, op, applyOptions)),
  };
}

/** The workspace under `key`, created on first use. */
export function workspaceFor(state: WithWorkspaces, key: string): Workspace {
  const workspaces = (state.workspaces ??= {});
  const existing = own(workspaces, key);
  if (existing) return existing;
  const created = emptyWorkspace();
  put(workspaces, key, created);
  return created;
}

/**
 * Collects what the most recent dispatch did. Pass `onApplied` to workspaceReducers, dispatch,
 * then `take()`: dispatch runs the reducer synchronously, so what `take` returns is that
 * dispatch's result (or undefined if the op was not a workspace op).
 */
export function createApplyCapture(): {
  onApplied: (applied: WorkspaceApplied) => void;
  take: () => WorkspaceApplied | undefined;
} {
  let last: WorkspaceApplied | undefined;
  return {
    onApplied: (applied) => {
      last = applied;
    },
    take: () => {
      const taken = last;
      last = undefined;
      return taken;
    },
  };
}
