import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorState, EventRecord } from '../../src/index.js';
import { killAll, spawnCli, stop, type Banner } from '../helpers/cli.js';
import { basic, tempDir } from '../helpers/emulator.js';

/**
 * DESIGN.md, State and durability: "an acknowledged request survives kill -9, and the state
 * file is never half-written". Only events answered 200 are counted as acknowledged.
 */

let dir: string;
let dataFile: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  dataFile = path.join(dir, 'state.json');
});

afterEach(async () => {
  await killAll();
  await cleanup();
});

const HEADERS = { 'content-type': 'application/json', authorization: basic('crash-key') };
const trackEvent = (messageId: string): object => ({
  type: 'track',
  userId: 'crash-user',
  event: 'Crash Test',
  messageId,
});

async function post(banner: Banner, call: string, body: object): Promise<boolean> {
  const res = await fetch(`${banner.pipelines}/${call}`, {
    method: 'POST',
    headers: HEADERS,
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status === 200;
}

async function start(): Promise<Banner> {
  return spawnCli(['--port', '0', '--data', dataFile], { cwd: dir }).banner;
}

/** Every messageId the emulator on `banner` lists, through the control API. */
async function listedIds(banner: Banner): Promise<Set<string>> {
  const res = await fetch(`${banner.control}/events?api=pipelines`);
  expect(res.status).toBe(200);
  const { items } = (await res.json()) as { items: EventRecord[] };
  return new Set(items.map((r) => (r.payload as { messageId: string }).messageId));
}

/** Whatever a crash left must load: the snapshot (if any) is whole JSON, and the emulator starts on it. */
async function expectLoadable(): Promise<void> {
  const snapshot = await readFile(dataFile, 'utf8').catch(() => undefined);
  if (snapshot !== undefined)
    expect((JSON.parse(snapshot) as { state: EmulatorState }).state.format).toBe('cdp-emulator/state@1');
  expect((await stat(`${dataFile}.wal`)).isFile()).toBe(true);
}

function expectAllPresent(acked: ReadonlySet<string>, listed: ReadonlySet<string>): void {
  const missing = [...acked].filter((id) => !listed.has(id));
  expect(missing).toEqual([]);
}

describe('cdp-emulator after kill -9', () => {
  it('keeps 50 single events and a batch of 100 that were acknowledged', async () => {
    const first = spawnCli(['--port', '0', '--data', dataFile], { cwd: dir });
    const banner = await first.banner;
    const acked = new Set<string>();
    const singles = Array.from({ length: 50 }, (_, i) => `single-${i}`);
    await Promise.all(singles.map(async (id) => (await post(banner, 'track', trackEvent(id))) && acked.add(id)));
    const batch = Array.from({ length: 100 }, (_, i) => `batch-${i}`);
    if (await post(banner, 'batch', { batch: batch.map(trackEvent) })) batch.forEach((id) => acked.add(id));
    expect(acked.size).toBe(150);

    expect(await stop(first, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    await expectLoadable();
    const second = await start();
    const listed = await listedIds(second);
    expectAllPresent(acked, listed);
    expect(listed.size).toBe(150);
  });

  it.each([
    ['SIGKILL', false],
    ['SIGTERM at once followed by SIGKILL', true],
  ])('keeps every acknowledged event of a continuous stream cut by %s, over two crashes', async (_name, termFirst) => {
    const acked = new Set<string>();
    for (const round of [1, 2]) {
      const cli = spawnCli(['--port', '0', '--data', dataFile], { cwd: dir });
      const banner = await cli.banner;
      // The journal written before the last crash loads, and nothing acknowledged is lost.
      expectAllPresent(acked, await listedIds(banner));

      let stopped = false;
      let roundAcked = 0;
      let reachedTarget: () => void = () => undefined;
      const target = new Promise<void>((resolve) => (reachedTarget = resolve));
      const worker = async (w: number): Promise<void> => {
        for (let i = 0; !stopped; i++) {
          const id = `r${round}-w${w}-${i}`;
          // Every third request is a small batch, so batch appends are cut too.
          const ids = i % 3 === 2 ? [0, 1, 2].map((k) => `${id}-${k}`) : [id];
          const [call, body] = ids.length > 1 ? ['batch', { batch: ids.map(trackEvent) }] : ['track', trackEvent(id)];
          try {
            if (await post(banner, call, body)) {
              ids.forEach((x) => acked.add(x));
              roundAcked += ids.length;
            }
          } catch {
            stopped = true; // the emulator is gone
          }
          if (roundAcked >= 300) reachedTarget();
        }
      };
      const workers = Array.from({ length: 8 }, (_, w) => worker(w));
      await target;
      // Requests are in flight at this point: the kill lands mid-stream.
      if (termFirst) cli.child.kill('SIGTERM');
      const exit = await stop(cli, 'SIGKILL');
      stopped = true;
      await Promise.all(workers);
      expect(exit.code === 0 || exit.signal === 'SIGKILL').toBe(true);
      expect(roundAcked).toBeGreaterThanOrEqual(300);
      await expectLoadable();
    }
    const banner = await start();
    expectAllPresent(acked, await listedIds(banner));
  });
});
