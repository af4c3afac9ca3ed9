import { Low, Memory } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { WriteAheadLog } from './wal.js';

/**
 * A state mutation, named so that the journal file can replay it. Reducers must be
 * deterministic: everything they need (ids, clocks) is in `args`.
 */
export type Reducer<S> = (state: S, args: never) => void;
export type Reducers<S> = Readonly<Record<string, Reducer<S>>>;

/** What the snapshot file holds: the state plus the last journal entry it includes. */
type Snapshot<S> = { walSeq: number; state: S };

export interface Store<S> {
  /** Runs `select` over the current state; the result must not be kept across dispatches. */
  read<T>(select: (state: Readonly<S>) => T): T;
  /**
   * Applies a named reducer now and queues its journal line; see `durable()`. A caller that
   * already holds `args` as JSON passes it as `argsJson`, so it is not serialised twice.
   */
  dispatch(op: string, args: unknown, argsJson?: string): void;
  /** Resolves once every dispatched op is in the journal file (immediately in memory). */
  durable(): Promise<void>;
  /** Writes a snapshot now and truncates the journal behind it. */
  snapshot(): Promise<void>;
  close(): Promise<void>;
}

export type StoreOptions<S> = {
  /** Snapshot path; undefined keeps everything in memory. */
  file: string | undefined;
  initial: () => S;
  reducers: Reducers<S>;
  snapshotBytes: number;
  snapshotIntervalMs: number;
};

/**
 * lowdb holds the snapshot; every dispatch is appended to `<file>.wal` before the request
 * is answered, so an acknowledged write survives kill -9 without re-serialising the whole
 * state per request (DESIGN.md, State and durability). Start-up replays the journal.
 */
export async function openStore<S>(options: StoreOptions<S>): Promise<Store<S>> {
  const { file, reducers } = options;
  if (file) mkdirSync(path.dirname(file), { recursive: true });
  // The last snapshot's size: a snapshot is due once the journal has grown as large, so the
  // cost of rewriting the state stays proportional to what was journaled since.
  let lastSnapshotChars = 0;
  const stringify = (d: Snapshot<S>): string => {
    const text = JSON.stringify(d);
    lastSnapshotChars = text.length;
    return text;
  };
  const adapter = file ? new DataFile<Snapshot<S>>(file, { parse: JSON.parse, stringify }) : new Memory<Snapshot<S>>();
  const db = new Low<Snapshot<S>>(adapter, { walSeq: 0, state: options.initial() });
  await db.read();
  if (file && existsSync(file)) lastSnapshotChars = statSync(file).size;
  const apply = (op: string, args: unknown): void => {
    const reducer = reducers[op];
    if (!reducer) throw new Error(`no reducer for op "${op}"`);
    (reducer as (s: S, a: unknown) => void)(db.data.state, args);
  };
  const wal = file ? WriteAheadLog.open(`${file}.wal`, db.data.walSeq, apply) : undefined;

  // Snapshots run one after another; each call snapshots the state as of its own turn.
  let chain: Promise<void> = Promise.resolve();
  let inFlight = 0;
  const writeSnapshot = async (): Promise<void> => {
    if (!wal) return;
    const mark = wal.mark();
    db.data.walSeq = mark.seq;
    // Low.write stringifies synchronously before its first await, so the snapshot is
    // exactly the state at `mark`; ops dispatched meanwhile stay in the journal.
    await db.write();
    wal.dropThrough(mark);
  };
  const snapshot = (): Promise<void> => {
    inFlight += 1;
    const turn = chain.then(writeSnapshot);
    // The chain itself never rejects: each caller sees its own turn's failure.
    chain = turn.finally(() => void (inFlight -= 1)).catch(() => undefined);
    return turn;
  };
  const timer = wal
    ? setInterval(() => {
        if (wal.size() > 0) void snapshot().catch(reportSnapshotError);
      }, options.snapshotIntervalMs).unref()
    : undefined;

  return {
    read: (select) => select(db.data.state),
    dispatch(op, args, argsJson) {
      apply(op, args);
      if (!wal) return;
      wal.append(op, argsJson ?? JSON.stringify(args));
      const due = Math.max(options.snapshotBytes, lastSnapshotChars);
      if (wal.size() > due && inFlight === 0) void snapshot().catch(reportSnapshotError);
    },
    durable: () => (wal ? wal.flushed() : Promise.resolve()),
    snapshot,
    async close() {
      clearInterval(timer);
      if (!wal) return;
      await snapshot();
      wal.close();
    },
  };
}

function reportSnapshotError(error: unknown): void {
  // The journal still holds every op, so a failed snapshot loses nothing; say so and go on.
  console.error(`cdp-emulator: snapshot failed, state is still safe in the journal: ${String(error)}`);
}
