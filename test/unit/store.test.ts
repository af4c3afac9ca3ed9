import { appendFileSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Reducers, type Store } from '../../src/store/store.js';
import { tempDir } from '../helpers/emulator.js';

type Counter = { items: string[] };
const reducers: Reducers<Counter> = {
  add: (state: Counter, { item }: { item: string }) => void state.items.push(item),
  clear: (state: Counter) => void (state.items = []),
};

describe('store: lowdb snapshot plus write-ahead journal', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let file: string;
  const open = (overrides: Partial<Parameters<typeof openStore<Counter>>[0]> = {}): Promise<Store<Counter>> =>
    openStore<Counter>({
      file,
      initial: () => ({ items: [] }),
      reducers,
      snapshotBytes: 1 << 30,
      snapshotIntervalMs: 60_000,
      ...overrides,
    });

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    file = path.join(dir, 'state.json');
  });
  afterEach(() => cleanup());

  it('a missing file means the initial state', async () => {
    const store = await open();
    expect(store.read((s) => s.items)).toEqual([]);
    await store.close();
  });

  it('journals every dispatch before durable() resolves, so a crash loses nothing acknowledged', async () => {
    const store = await open();
    store.dispatch('add', { item: 'a' });
    store.dispatch('add', { item: 'b' });
    await store.durable();
    // No close(): simulate kill -9 by reopening while the first store still holds its files.
    const lines = readFileSync(`${file}.wal`, 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as { op: string })).toMatchObject([
      { n: 1, op: 'add' },
      { n: 2, op: 'add' },
    ]);
    expect(existsSync(file)).toBe(false);
    const reopened = await open();
    expect(reopened.read((s) => s.items)).toEqual(['a', 'b']);
  });

  it('does not rewrite the snapshot per dispatch', async () => {
    const store = await open();
    for (let i = 0; i < 50; i++) store.dispatch('add', { item: String(i) });
    await store.durable();
    expect(existsSync(file)).toBe(false);
    await store.close();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ walSeq: 50 });
  });

  it('close() snapshots and empties the journal; reopening gives the same state', async () => {
    const store = await open();
    store.dispatch('add', { item: 'a' });
    await store.close();
    expect(readFileSync(`${file}.wal`, 'utf8')).toBe('');
    const reopened = await open();
    expect(reopened.read((s) => s.items)).toEqual(['a']);
  });

  it('ignores a torn last line and appends cleanly after it', async () => {
    const store = await open();
    store.dispatch('add', { item: 'a' });
    await store.durable();
    appendFileSync(`${file}.wal`, '{"n":2,"op":"add","args":{"item":"tor');
    const reopened = await open();
    expect(reopened.read((s) => s.items)).toEqual(['a']);
    reopened.dispatch('add', { item: 'c' });
    await reopened.durable();
    const again = await open();
    expect(again.read((s) => s.items)).toEqual(['a', 'c']);
  });

  it('skips journal entries the snapshot already holds (crash between snapshot and truncation)', async () => {
    const store = await open();
    store.dispatch('add', { item: 'a' });
    store.dispatch('add', { item: 'b' });
    await store.durable();
    const journal = readFileSync(`${file}.wal`, 'utf8');
    await store.close();
    // Put the pre-snapshot journal back, as if truncation had not happened.
    writeFileSync(`${file}.wal`, journal);
    const reopened = await open();
    expect(reopened.read((s) => s.items)).toEqual(['a', 'b']);
  });

  it('snapshots in the background past the size threshold and keeps later ops in the journal', async () => {
    const store = await open({ snapshotBytes: 200 });
    for (let i = 0; i < 20; i++) store.dispatch('add', { item: `item-${i}` });
    await store.durable();
    await store.snapshot();
    store.dispatch('add', { item: 'after' });
    await store.durable();
    const snap = JSON.parse(readFileSync(file, 'utf8')) as { walSeq: number; state: Counter };
    expect(snap.state.items).toHaveLength(20);
    expect(readFileSync(`${file}.wal`, 'utf8').trim().split('\n')).toHaveLength(1);
    const reopened = await open();
    expect(reopened.read((s) => s.items)).toHaveLength(21);
  });

  it('in memory: no files at all', async () => {
    const store = await open({ file: undefined });
    store.dispatch('add', { item: 'a' });
    await store.durable();
    await store.close();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.wal`)).toBe(false);
  });

  it('refuses an op without a reducer', async () => {
    const store = await open();
    expect(() => store.dispatch('nope', {})).toThrow(/no reducer/);
    await store.close();
  });
});
