import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EmulatorState, EventRecord } from '../../src/index.js';
import { killAll, spawnCli, stop } from '../helpers/cli.js';
import { basic, tempDir } from '../helpers/emulator.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});

afterEach(async () => {
  await killAll();
  await cleanup();
});

function track(pipelines: string, messageId: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${pipelines}/track`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basic('cli-key'), ...headers },
    body: JSON.stringify({ userId: 'cli-user', event: 'CLI Test', messageId }),
  });
}

describe('cdp-emulator start-up', () => {
  it('prints one block naming the Data Pipelines, control and WebSocket URLs, and each of them answers', async () => {
    const dataFile = path.join(dir, 'state.json');
    const cli = spawnCli(['--port', '0', '--data', dataFile], { cwd: dir });
    const banner = await cli.banner;
    const { port } = new URL(banner.url);
    expect(banner.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(port)).toBeGreaterThan(0);
    expect(banner.pipelines).toBe(`${banner.url}/v1`);
    expect(banner.control).toBe(`${banner.url}/_emulator`);
    expect(banner.stream).toBe(`ws://127.0.0.1:${port}/_emulator/stream`);
    expect(banner.state).toBe(dataFile);

    const health = await fetch(`${banner.control}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const ws = new WebSocket(`${banner.stream}?messageId=banner-ws-1`);
    const received = new Promise<EventRecord>((resolve, reject) => {
      ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')) as EventRecord));
      ws.once('error', reject);
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    expect((await track(banner.pipelines, 'banner-ws-1')).status).toBe(200);
    expect((await received).payload).toMatchObject({ messageId: 'banner-ws-1', event: 'CLI Test' });
    ws.close();
  });

  it('keeps its state under the working directory by default', async () => {
    const cli = spawnCli(['--port', '0'], { cwd: dir });
    const banner = await cli.banner;
    expect(banner.state).toBe(path.join(dir, '.cdp-emulator', 'state.json'));
    expect((await track(banner.pipelines, 'default-path-1')).status).toBe(200);
    expect(await stop(cli, 'SIGTERM')).toEqual({ code: 0, signal: null });
    const saved = JSON.parse(await readFile(banner.state, 'utf8')) as { state: EmulatorState };
    expect(received(saved.state.events).map((r) => (r.payload as { messageId: string }).messageId)).toEqual([
      'default-path-1',
    ]);
  });

  it('--in-memory writes no state file', async () => {
    const cli = spawnCli(['--port', '0', '--in-memory'], { cwd: dir });
    const banner = await cli.banner;
    expect(banner.state).toBe('in memory');
    expect((await track(banner.pipelines, 'in-memory-1')).status).toBe(200);
    expect(await stop(cli, 'SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('cdp-emulator signals', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s flushes state, leaves complete JSON and exits 0', async (signal) => {
    const dataFile = path.join(dir, 'state.json');
    const cli = spawnCli(['--port', '0', '--data', dataFile], { cwd: dir });
    const { pipelines } = await cli.banner;
    const ids = Array.from({ length: 20 }, (_, i) => `${signal}-${i}`);
    for (const id of ids) expect((await track(pipelines, id)).status).toBe(200);

    expect(await stop(cli, signal)).toEqual({ code: 0, signal: null });
    const saved = JSON.parse(await readFile(dataFile, 'utf8')) as { walSeq: number; state: EmulatorState };
    expect(saved.state.format).toBe('cdp-emulator/state@1');
    expect(received(saved.state.events).map((r) => (r.payload as { messageId: string }).messageId)).toEqual(ids);
    // The last snapshot took in the whole journal.
    expect((await stat(`${dataFile}.wal`)).size).toBe(0);
  });
});

describe('cdp-emulator flags', () => {
  it.each([
    ['an unknown flag', ['--nope'], {}],
    ['a port that is not a number', ['--port', 'abc'], {}],
    ['a port out of range', ['--port', '70000'], {}],
    ['a flag without its value', ['--data'], {}],
    ['a positional argument', ['serve'], {}],
    ['a bad environment value', [], { CDP_EMULATOR_PORT: 'abc' }],
  ])('%s prints usage to stderr and exits 2', async (_name, args, env) => {
    const cli = spawnCli(args, { cwd: dir, env });
    expect(await cli.exited).toEqual({ code: 2, signal: null });
    expect(cli.stderr()).toMatch(/^cdp-emulator: .+/);
    expect(cli.stderr()).toContain('Usage: cdp-emulator [flags]');
    expect(cli.stdout()).toBe('');
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([['--help'], ['-h']])('%s prints usage to stdout and exits 0', async (flag) => {
    const cli = spawnCli([flag], { cwd: dir });
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toContain('Usage: cdp-emulator [flags]');
    expect(cli.stdout()).toMatch(/--port N/);
    expect(cli.stderr()).toBe('');
  });

  it('reads CDP_EMULATOR_* variables: strict mode and a write key from the environment', async () => {
    const cli = spawnCli(['--port', '0', '--in-memory'], {
      cwd: dir,
      env: { CDP_EMULATOR_STRICT: '1', CDP_EMULATOR_WRITE_KEY: 'env-key' },
    });
    const { pipelines } = await cli.banner;
    const post = (key: string, body: object): Promise<Response> =>
      fetch(`${pipelines}/identify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: basic(key) },
        body: JSON.stringify(body),
      });

    expect((await post('env-key', { userId: 'u' })).status).toBe(200);
    // No X-Strict-Mode header: the 401 and the 400 come from CDP_EMULATOR_STRICT.
    const wrongKey = await post('other-key', { userId: 'u' });
    expect(wrongKey.status).toBe(401);
    const invalid = await post('env-key', { userId: 42 });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ meta: { errors: [expect.stringMatching(/\/userId/)] } });
  });

  it('a flag overrides the environment', async () => {
    const envFile = path.join(dir, 'from-env.json');
    const flagFile = path.join(dir, 'from-flag.json');
    const cli = spawnCli(['--port', '0', '--data', flagFile, '--write-key', 'flag-key'], {
      cwd: dir,
      env: { CDP_EMULATOR_DATA: envFile, CDP_EMULATOR_WRITE_KEY: 'env-key', CDP_EMULATOR_STRICT: 'true' },
    });
    const banner = await cli.banner;
    expect(banner.state).toBe(flagFile);
    expect((await track(banner.pipelines, 'flag-1', { authorization: basic('flag-key') })).status).toBe(200);
    expect((await track(banner.pipelines, 'env-1', { authorization: basic('env-key') })).status).toBe(401);
    expect(await stop(cli, 'SIGTERM')).toEqual({ code: 0, signal: null });
    expect((await readdir(dir)).sort()).toEqual(['from-flag.json', 'from-flag.json.wal']);
  });
});

/** The received events of a state, without the workspace changes they caused. */
function received(events: readonly EventRecord[]): EventRecord[] {
  return events.filter((r) => r.api !== 'workspace');
}
