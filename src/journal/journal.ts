import type { Store } from '../store/store.js';
import { matchesFilter, type EventFilter } from './filter.js';
import { evictionSlack, retainedStart, type EmulatorState, type EventRecord } from './state.js';

/** An EventRecord before the journal numbers it. */
export type EventDraft = Omit<EventRecord, 'seq' | 'id'>;

export type WaitResult = { items: EventRecord[]; timedOut: boolean };

/** Gets each record with its JSON text, serialised once for the journal file and every subscriber. */
type Listener = (record: EventRecord, json: string) => void;
type Waiter = { filter: EventFilter; count: number; items: EventRecord[]; done: (timedOut: boolean) => void };

export type JournalOptions = {
  store: Store<EmulatorState>;
  maxEvents: number;
  newId: () => string;
};

/**
 * The event log: numbers and persists each received event, answers queries, resolves
 * waiters the moment a matching event is appended (no polling), and feeds subscribers
 * such as the WebSocket stream.
 */
export class Journal {
  readonly #store: Store<EmulatorState>;
  readonly #maxEvents: number;
  readonly #newId: () => string;
  readonly #listeners = new Set<Listener>();
  readonly #waiters = new Set<Waiter>();
  /** messageIds of applied (valid, first-seen) Data Pipelines events, per write key. */
  #seen = new Map<string, Set<string>>();

  constructor({ store, maxEvents, newId }: JournalOptions) {
    this.#store = store;
    this.#maxEvents = maxEvents;
    this.#newId = newId;
    this.reindex();
  }

  /** Numbers, stores and publishes the drafts; the caller awaits `store.durable()` before answering. */
  append(drafts: readonly EventDraft[]): EventRecord[] {
    if (drafts.length === 0) return [];
    let seq = this.#store.read((s) => s.seq);
    const records = drafts.map((draft): EventRecord => ({ seq: ++seq, id: this.#newId(), ...draft }));
    this.#forgetEvicted(records.length);
    const jsons = records.map((record) => JSON.stringify(record));
    this.#store.dispatch('events.append', { records }, `{"records":[${jsons.join(',')}]}`);
    for (const [i, record] of records.entries()) {
      this.#remember(record);
      for (const listener of this.#listeners) listener(record, jsons[i]!);
      for (const waiter of this.#waiters) {
        if (!matchesFilter(record, waiter.filter)) continue;
        waiter.items.push(record);
        if (waiter.items.length >= waiter.count) waiter.done(false);
      }
    }
    return records;
  }

  /** Whether a Data Pipelines event with this messageId was already applied for the write key. */
  isDuplicate(writeKey: string, messageId: string): boolean {
    return this.#seen.get(writeKey)?.has(messageId) ?? false;
  }

  /** Matching retained records, oldest first, at most `limit`. */
  query(filter: EventFilter, limit = Infinity): EventRecord[] {
    return this.#store.read((state) => {
      const out: EventRecord[] = [];
      for (let i = retainedStart(state.events, this.#maxEvents); i < state.events.length && out.length < limit; i++) {
        const record = state.events[i]!;
        if (matchesFilter(record, filter)) out.push(record);
      }
      return out;
    });
  }

  /** Resolves once `count` retained or future records match, or after `timeoutMs` with what matched. */
  waitFor(filter: EventFilter, count: number, timeoutMs: number, signal?: AbortSignal): Promise<WaitResult> {
    const items = this.query(filter, count);
    if (items.length >= count) return Promise.resolve({ items, timedOut: false });
    return new Promise((resolve) => {
      const waiter: Waiter = { filter, count, items, done: () => undefined };
      const timer = setTimeout(() => waiter.done(true), timeoutMs);
      const abort = (): void => waiter.done(true);
      waiter.done = (timedOut) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
        this.#waiters.delete(waiter);
        resolve({ items: waiter.items.slice(0, count), timedOut });
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.#waiters.add(waiter);
    });
  }

  /** Calls `listener` with every record appended from now on; returns the unsubscribe function. */
  subscribe(filter: EventFilter, listener: Listener): () => void {
    const wrapped: Listener = (record, json) => {
      if (matchesFilter(record, filter)) listener(record, json);
    };
    this.#listeners.add(wrapped);
    return () => this.#listeners.delete(wrapped);
  }

  /** Rebuilds the duplicate index from the stored events (after load, reset or import). */
  reindex(): void {
    this.#seen = new Map();
    this.#store.read((state) => state.events.forEach((record) => this.#remember(record)));
  }

  #remember(record: EventRecord): void {
    const messageId = messageIdOf(record);
    if (record.api !== 'pipelines' || !record.valid || record.duplicate || !record.writeKey || !messageId) return;
    let ids = this.#seen.get(record.writeKey);
    if (!ids) this.#seen.set(record.writeKey, (ids = new Set()));
    ids.add(messageId);
  }

  /** Mirrors the bulk trim of `events.append` so the duplicate index stays bounded too. */
  #forgetEvicted(incoming: number): void {
    this.#store.read((state) => {
      const total = state.events.length + incoming;
      if (total <= this.#maxEvents + evictionSlack(this.#maxEvents)) return;
      for (const record of state.events.slice(0, total - this.#maxEvents)) {
        const messageId = messageIdOf(record);
        if (record.writeKey && messageId) this.#seen.get(record.writeKey)?.delete(messageId);
      }
    });
  }
}

function messageIdOf(record: EventRecord): string | undefined {
  const payload = record.payload as { messageId?: unknown } | null;
  return typeof payload?.messageId === 'string' ? payload.messageId : undefined;
}
