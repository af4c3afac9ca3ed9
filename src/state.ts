import { aepReducers, initialAepState } from './aep/state.js';
import type { WorkspaceKeyOf } from './customerio/keys.js';
import { journalReducers, trimEvents, type EmulatorState, type EventRecord } from './journal/state.js';
import type { Reducers } from './store/store.js';
import {
  applyPipelinesEvent,
  DEFAULT_MAX_ACTIVITIES,
  workspaceFor,
  workspaceReducers,
  type PipelinesEvent,
  type WorkspaceReducerOptions,
} from './workspace/index.js';

export type StateOptions = {
  maxEvents: number;
  workspaceKeyOf: WorkspaceKeyOf;
  workspace?: WorkspaceReducerOptions;
};

export const STATE_FORMAT = 'cdp-emulator/state@1';

/** The whole state of a fresh emulator: what `reset` returns to. */
export function initialState(): EmulatorState {
  return { format: STATE_FORMAT, seq: 0, events: [], aep: initialAepState(), workspaces: {} };
}

/**
 * Every op the store may journal and replay, from every part of the emulator. Appending a
 * valid, first-seen Data Pipelines event also applies it to its Customer.io workspace, as the
 * destination would: one op, so the event is journaled once and a replay rebuilds both.
 */
export function stateReducers({ maxEvents, workspaceKeyOf, workspace = {} }: StateOptions): Reducers<EmulatorState> {
  const journal = journalReducers(maxEvents);
  const append = journal['events.append'] as (state: EmulatorState, args: { records: EventRecord[] }) => void;
  const applyOptions = { maxActivities: workspace.maxActivities ?? DEFAULT_MAX_ACTIVITIES };
  return {
    ...journal,
    'events.append': (state: EmulatorState, args: { records: EventRecord[] }) => {
      append(state, args);
      for (const record of args.records) {
        if (record.api !== 'pipelines' || !record.valid || record.duplicate || !record.writeKey) continue;
        const key = workspaceKeyOf(record.writeKey);
        const result = applyPipelinesEvent(workspaceFor(state, key), record.payload as PipelinesEvent, applyOptions);
        workspace.onApplied?.({ op: 'workspace.pipelines', key, ...result });
      }
    },
    ...aepReducers(),
    ...workspaceReducers<EmulatorState>(workspace),
    // seq survives a reset so that a `since` cursor taken before it stays meaningful.
    'state.reset': (state: EmulatorState) => {
      Object.assign(state, { ...initialState(), seq: state.seq });
    },
    'state.import': (state: EmulatorState, { state: next }: { state: EmulatorState }) => {
      Object.assign(state, { ...initialState(), ...structuredClone(next) });
      trimEvents(state, maxEvents);
    },
  };
}
