import { describe, expect, it } from 'vitest';
import { Journal, type EventDraft } from '../../src/journal/journal.js';
import type { EmulatorState } from '../../src/journal/state.js';
import { initialState, stateReducers } from '../../src/state.js';
import { openStore } from '../../src/store/store.js';

async function journalOf(maxEvents = 100): Promise<{ journal: Journal; state: () => EmulatorState }> {
  const store = await openStore<EmulatorState>({
    file: undefined,
    initial: initialState,
    reducers: stateReducers({ maxEvents, workspaceKeyOf: (k) => k }),
    snapshotBytes: 1 << 30,
    snapshotIntervalMs: 60_000,
  });
  let n = 0;
  const journal = new Journal({ store, maxEvents, newId: () => `id-${++n}` });
  return { journal, state: () => store.read((s) => structuredClone(s)) };
}

const draft = (messageId: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  receivedAt: '2026-01-01T00:00:00.000Z',
  api: 'pipelines',
  type: 'track',
  valid: true,
  errors: [],
  writeKey: 'wk',
  payload: { event: 'E', userId: 'u', messageId },
  ...extra,
});

describe('Journal', () => {
  it('numbers records with increasing seq and ids', async () => {
    const { journal } = await journalOf();
    const [a, b] = journal.append([draft('m1'), draft('m2')]);
    expect([a?.seq, b?.seq, a?.id, b?.id]).toEqual([1, 2, 'id-1', 'id-2']);
    expect(journal.append([draft('m3')])[0]?.seq).toBe(3);
  });

  it('recognises an applied messageId per write key only', async () => {
    const { journal } = await journalOf();
    journal.append([draft('m1'), draft('bad', { valid: false })]);
    expect(journal.isDuplicate('wk', 'm1')).toBe(true);
    expect(journal.isDuplicate('other', 'm1')).toBe(false);
    // An invalid event was dropped by the vendor, so resending it fixed is not a duplicate.
    expect(journal.isDuplicate('wk', 'bad')).toBe(false);
  });

  it('keeps only the newest maxEvents visible, and forgets evicted messageIds', async () => {
    const { journal, state } = await journalOf(10);
    for (let i = 1; i <= 40; i++) journal.append([draft(`m${i}`)]);
    const seqs = journal.query({}).map((r) => r.seq);
    expect(seqs).toEqual([31, 32, 33, 34, 35, 36, 37, 38, 39, 40]);
    expect(state().events.length).toBeLessThanOrEqual(11);
    expect(journal.isDuplicate('wk', 'm1')).toBe(false);
    expect(journal.isDuplicate('wk', 'm40')).toBe(true);
  });

  it('query honours filters and limit, oldest first', async () => {
    const { journal } = await journalOf();
    journal.append([draft('m1'), draft('m2', { type: 'identify' }), draft('m3')]);
    expect(journal.query({ type: 'track' }).map((r) => r.seq)).toEqual([1, 3]);
    expect(journal.query({}, 2).map((r) => r.seq)).toEqual([1, 2]);
    expect(journal.query({ since: 1 }, 1).map((r) => r.seq)).toEqual([2]);
  });

  it('waitFor resolves at once from retained events, or on the append that completes it', async () => {
    const { journal } = await journalOf();
    journal.append([draft('m1')]);
    await expect(journal.waitFor({ messageId: 'm1' }, 1, 1000)).resolves.toMatchObject({ timedOut: false });
    const pending = journal.waitFor({ event: 'E' }, 3, 5000);
    journal.append([draft('m2')]);
    journal.append([draft('m3'), draft('m4')]);
    const result = await pending;
    expect(result.timedOut).toBe(false);
    expect(result.items.map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it('waitFor times out with what matched so far, and stops on abort', async () => {
    const { journal } = await journalOf();
    journal.append([draft('m1')]);
    await expect(journal.waitFor({}, 2, 20)).resolves.toMatchObject({ timedOut: true, items: [{ seq: 1 }] });
    const abort = new AbortController();
    const pending = journal.waitFor({ event: 'never' }, 1, 60_000, abort.signal);
    abort.abort();
    await expect(pending).resolves.toEqual({ items: [], timedOut: true });
  });

  it('subscribers get matching records from now on until they unsubscribe', async () => {
    const { journal } = await journalOf();
    journal.append([draft('before')]);
    const got: number[] = [];
    const off = journal.subscribe({ type: 'track' }, (r) => got.push(r.seq));
    journal.append([draft('m1'), draft('m2', { type: 'page' })]);
    off();
    journal.append([draft('m3')]);
    expect(got).toEqual([2]);
  });
});

describe('state.import', () => {
  it('never lets seq fall behind the imported events, so seqs cannot repeat', async () => {
    const { journal, state } = await journalOf();
    const store = await openStore<EmulatorState>({
      file: undefined,
      initial: initialState,
      reducers: stateReducers({ maxEvents: 100, workspaceKeyOf: (k) => k }),
      snapshotBytes: 1 << 30,
      snapshotIntervalMs: 60_000,
    });
    journal.append([draft('m1'), draft('m2')]);
    store.dispatch('state.import', { state: { ...state(), seq: 0 } });
    expect(store.read((s) => s.seq)).toBe(2);
  });
});
