import type { EmulatorState } from '../generated/control/state.js';
import type { EventRecord } from '../generated/control/event-record.js';
import type { Reducers } from '../store/store.js';

export type { EmulatorState, EventRecord };

/**
 * Retained events are trimmed in bulk once they pass the cap by this share, so that an
 * append at the cap does not move the whole array every time; readers only ever look at
 * the newest `maxEvents` (see `retained`).
 */
export function evictionSlack(maxEvents: number): number {
  return Math.ceil(maxEvents / 16);
}

/** The events a reader may see: the newest `maxEvents`, oldest first. */
export function retainedStart(events: readonly EventRecord[], maxEvents: number): number {
  return Math.max(0, events.length - maxEvents);
}

/** Trims a freshly loaded or imported event list to the retained window. */
export function trimEvents(state: EmulatorState, maxEvents: number): void {
  if (state.events.length > maxEvents) state.events.splice(0, state.events.length - maxEvents);
  // A hand-edited export may carry a seq below its own events'; seq must never repeat.
  state.seq = Math.max(state.seq, state.events.at(-1)?.seq ?? 0);
}

export function journalReducers(maxEvents: number): Reducers<EmulatorState> {
  const limit = maxEvents + evictionSlack(maxEvents);
  return {
    'events.append': (state: EmulatorState, { records }: { records: EventRecord[] }) => {
      for (const record of records) state.events.push(record);
      state.seq = records.at(-1)?.seq ?? state.seq;
      if (state.events.length > limit) state.events.splice(0, state.events.length - maxEvents);
    },
  };
}
