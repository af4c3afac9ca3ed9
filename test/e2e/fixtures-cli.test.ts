import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFixture, type EmulatorState } from '../../src/index.js';
import { killAll, spawnCli, stop, type CliProcess } from '../helpers/cli.js';
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

async function run(
  args: string[],
  env?: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  const cli = spawnCli(args, { cwd: dir, ...(env ? { env } : {}) });
  const { code } = await cli.exited;
  return { code, out: cli.stdout(), err: cli.stderr() };
}

async function emulator(...args: string[]): Promise<{ cli: CliProcess; url: string }> {
  const cli = spawnCli(['--port', '0', '--in-memory', ...args], { cwd: dir });
  return { cli, url: (await cli.banner).url };
}

async function track(url: string, event: string, key = 'cli-rec-key'): Promise<number> {
  const res = await fetch(`${url}/v1/track`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basic(key) },
    body: JSON.stringify({ userId: 'u', event, messageId: `m-${event}` }),
  });
  await res.arrayBuffer();
  return res.status;
}

async function eventsOf(url: string): Promise<string[]> {
  const { items } = (await (await fetch(`${url}/_emulator/events?api=pipelines`)).json()) as {
    items: { payload: { event: string }; writeKey: string }[];
  };
  return items.map((i) => `${i.writeKey}:${i.payload.event}`);
}

describe('cdp-emulator --record, then replay', () => {
  it('records a session, and replay sends it to another emulator: exit 0, progress lines, a summary', async () => {
    const fixture = path.join(dir, 'session.ndjson');
    const recorder = await emulator('--record', fixture);
    expect(await track(recorder.url, 'One')).toBe(200);
    expect(await track(recorder.url, 'Two')).toBe(200);
    expect(await stop(recorder.cli, 'SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await readFile(fixture, 'utf8')).not.toContain('cli-rec-key');

    const target = await emulator();
    const replay = await run(['replay', fixture, '--target', target.url, '--write-key', 'cli-rec-key']);
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/^replay: 2\/2 requests answered or failed$/m);
    expect(replay.out).toMatch(
      /^replay: 2 requests sent to http:\/\/127\.0\.0\.1:\d+ in [\d.]+ s; answers 200×2; 0 failed/m,
    );
    expect(replay.err).toBe('');
    expect(await eventsOf(target.url)).toEqual(['cli-rec-key:One', 'cli-rec-key:Two']);
  });

  it('after kill -9, every answered request is in the fixture as a whole line', async () => {
    const fixture = path.join(dir, 'crash.ndjson');
    const recorder = await emulator('--record', fixture, '--record-secrets');
    for (const event of ['A', 'B', 'C']) expect(await track(recorder.url, event)).toBe(200);
    expect(await stop(recorder.cli, 'SIGKILL')).toMatchObject({ signal: 'SIGKILL' });
    const { entries, warnings } = parseFixture(await readFile(fixture, 'utf8'));
    expect(warnings).toEqual([]);
    expect(entries.map((e) => e.request.body)).toMatchObject([{ event: 'A' }, { event: 'B' }, { event: 'C' }]);
    expect(entries[0]!.request.headers.authorization).toBe(basic('cli-rec-key'));
  });

  it('replays a fixture with a torn last line up to it, warns, and exits 0', async () => {
    const fixture = path.join(dir, 'torn.ndjson');
    const line = (event: string) =>
      JSON.stringify({
        v: 1,
        t: 0,
        method: 'POST',
        path: '/v1/track',
        query: {},
        headers: {},
        body: { userId: 'u', event, writeKey: 'k' },
      });
    await writeFile(fixture, `${line('Whole')}\n${line('Torn').slice(0, 50)}`);
    const target = await emulator();
    const replay = await run(['replay', fixture, '--target', target.url, '--speed', '0']);
    expect(replay.code).toBe(0);
    expect(replay.err).toMatch(/warning: line 2 is incomplete .*replaying the 1 request before it/);
    expect(await eventsOf(target.url)).toEqual(['k:Whole']);
  });

  it('exits 1 when the target refuses the connection or answers 5xx, and 2 without --target', async () => {
    const fixture = path.join(dir, 'f.ndjson');
    const req = { v: 1, t: 0, method: 'GET', path: '/anything', query: {}, headers: {} };
    await writeFile(fixture, `${JSON.stringify(req)}\n`);
    const failing = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
    const answered503 = await run(['replay', fixture, '--target', url]);
    expect(answered503.code).toBe(1);
    expect(answered503.err).toMatch(/line 1 GET \/anything: 503/);
    await new Promise((resolve) => failing.close(resolve));
    const refused = await run(['replay', fixture, '--target', url]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/line 1 GET \/anything: ECONNREFUSED/);
    const usage = await run(['replay', fixture]);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--target URL is required/);
  });
});

describe('cdp-emulator --seed, export and import', () => {
  it('--seed FILE replays a fixture before the banner; export and import move state between emulators', async () => {
    const fixture = path.join(dir, 'seed.ndjson');
    const req = (event: string) => ({
      v: 1,
      t: 0,
      method: 'POST',
      path: '/v1/track',
      query: {},
      headers: { 'content-type': 'application/json', authorization: 'Basic {{writeKey}}:' },
      body: { userId: 'u', event },
    });
    await writeFile(fixture, `${JSON.stringify(req('Seeded'))}\n`);
    const seeded = await emulator('--seed', fixture, '--write-key', 'seed-key');
    expect(await eventsOf(seeded.url)).toEqual(['seed-key:Seeded']);

    const out = path.join(dir, 'state.json');
    const exported = await run(['export', '--target', seeded.url, '--out', out]);
    expect(exported).toMatchObject({ code: 0, out: '' });
    const state = JSON.parse(await readFile(out, 'utf8')) as EmulatorState;
    expect(state.format).toBe('cdp-emulator/state@1');

    const other = await emulator();
    expect(await run(['import', out, '--target', other.url])).toMatchObject({ code: 0 });
    expect(await eventsOf(other.url)).toEqual(['seed-key:Seeded']);
    const toStdout = await run(['export', '--target', other.url]);
    expect(JSON.parse(toStdout.out)).toEqual(state);

    await writeFile(path.join(dir, 'bad.json'), '{"format":"nope"}');
    const refused = await run(['import', 'bad.json', '--target', other.url]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/the emulator answered 400/);
  });

  it('--help lists the subcommands and --record-secrets; replay --help its own flags', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const text of ['replay FILE --target URL', 'export [--target URL]', 'import FILE', '--record-secrets'])
      expect(help.out).toContain(text);
    const replayHelp = await run(['replay', '--help']);
    expect(replayHelp.code).toBe(0);
    for (const flag of ['--speed N', '--concurrency N', '--fail-on 4xx|5xx', '--write-key KEY', '--set NAME=VALUE'])
      expect(replayHelp.out).toContain(flag);
  });
});
