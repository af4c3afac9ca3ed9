import type { Journal } from '../journal/journal.js';
import { retainedStart, type EmulatorState } from '../journal/state.js';
import type { Store } from '../store/store.js';

/** A deep copy of the whole state, safe to serialise or hand out; only the retained events. */
export function exportState(store: Store<EmulatorState>, maxEvents: number): EmulatorState {
  return store.read((state) =>
    structuredClone({ ...state, events: state.events.slice(retainedStart(state.events, maxEvents)) }),
  );
}

export function resetState(store: Store<EmulatorState>, journal: Journal): void {
  store.dispatch('state.reset', {});
  journal.reindex();
}

/** Replaces the whole state with a validated export. */
export function importState(store: Store<EmulatorState>, journal: Journal, state: EmulatorState): void {
  store.dispatch('state.import', { state });
  journal.reindex();
}
