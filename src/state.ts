import { aepReducers, initialAepState } from './aep/state.js';
import { journalReducers, trimEvents, type EmulatorState } from './journal/state.js';
import type { Reducers } from './store/store.js';

export const STATE_FORMAT = 'cdp-emulator/state@1';

/** The whole state of a fresh emulator: what `reset` returns to. */
export function initialState(): EmulatorState {
  return { format: STATE_FORMAT, seq: 0, events: [], aep: initialAepState() };
}

/** Every op the store may journal and replay, from every part of the emulator. */
export function stateReducers(maxEvents: number): Reducers<EmulatorState> {
  return {
    ...journalReducers(maxEvents),
    ...aepReducers(),
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
