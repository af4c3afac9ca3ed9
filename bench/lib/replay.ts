import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { runPrefix, WRITE_KEY } from './bodies.js';
import { runToExit } from './children.js';
import { send } from './http-get.js';
import { BrokenRunError } from './load.js';
import type { Settings } from './measure.js';
import { writeTrackFixture } from './replay-fixture.js';
import { ROOT, startEmulatorChild } from './servers.js';
import { sleep, subscribe } from './subscriber.js';

type EventItem = { valid?: unknown; writeKey?: unknown; payload?: { messageId?: unknown } };

async function events(url: string, query: string): Promise<EventItem[]> {
  const { status, text } = await send(`${url}/_emulator/events?${query}`, 'GET', '');
  if (status !== 200) throw new BrokenRunError(`replay: GET /_emulator/events?${query} answered ${status}`);
  return (JSON.parse(text) as { items: EventItem[] }).items;
}

/** The fixture's last request was journaled valid under the substituted write key; nothing retained is invalid. */
async function checkJournal(url: string, lastMessageId: string): Promise<void> {
  const [last] = await events(url, `messageId=${encodeURIComponent(lastMessageId)}`);
  if (last?.valid !== true || last.writeKey !== WRITE_KEY)
    throw new BrokenRunError(`replay: the last request's record is ${JSON.stringify(last)?.slice(0, 300)}`);
  const [invalid] = await events(url, 'valid=false&limit=1');
  if (invalid) throw new BrokenRunError(`replay: an invalid record: ${JSON.stringify(invalid).slice(0, 300)}`);
}

/**
 * (f) Replay: the CLI's `replay FILE --target URL --speed 0 --concurrency N` of a fixture of
 * `POST /v1/track` requests, in a child process of its own, into a fresh durable emulator. The
 * figure is requests over the replay's wall time, spawn to exit, so it includes what a user
 * waits for: node's start, reading and parsing the file, sending, and the summary. As in (a),
 * one WebSocket subscriber reads every event meanwhile; it also counts what was journaled.
 */
export async function measureReplay(dir: string, settings: Settings, log: (line: string) => void): Promise<number> {
  const lines = settings.replayRequests;
  log(`(f) replay FILE --speed 0 --concurrency ${settings.connections}: ${lines} POST /v1/track, fresh emulator`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'track.ndjson');
  const generated = performance.now();
  const fixture = writeTrackFixture(file, lines, runPrefix());
  log(`    ${file}: ${(fixture.bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - generated)} ms`);
  const emulator = await startEmulatorChild(path.join(dir, 'emulator'));
  try {
    const subscriber = await subscribe(emulator.url, 'replay');
    try {
      const args = [path.join(ROOT, 'dist', 'cli.js'), 'replay', file, '--target', emulator.url, '--speed', '0'];
      args.push('--concurrency', String(settings.connections), '--write-key', WRITE_KEY);
      // Bounded: a replay slower than 200 requests/s is broken, not slow.
      const run = await runToExit(process.execPath, args, 30_000 + lines * 5);
      const summary = /^replay: \d+ requests? sent .*$/m.exec(run.stdout)?.[0] ?? run.stdout.trim().slice(-300);
      if (run.code !== 0)
        throw new BrokenRunError(
          `replay exited ${run.signal ?? run.code}: ${summary}\n--- stderr ---\n${run.stderr.trim().slice(-2_000)}`,
        );
      if (!summary.includes(`answers 200×${lines};`))
        throw new BrokenRunError(`replay: unexpected summary: ${summary}`);
      await subscriber.drain(lines);
      await sleep(100); // anything beyond the fixture would show now
      if (subscriber.received() !== lines)
        throw new BrokenRunError(`replay: ${lines} requests, but ${subscriber.received()} events journaled`);
      await checkJournal(emulator.url, fixture.lastMessageId);
      const sending = Number(/ in ([\d.]+) s;/.exec(summary)?.[1]);
      log(`    wall ${(run.ms / 1000).toFixed(2)} s; sending alone ${Math.round(lines / sending)} req/s; ${summary}`);
      log(`    the stream delivered ${subscriber.received()} events`);
      return lines / (run.ms / 1000);
    } finally {
      await subscriber.close();
    }
  } finally {
    await emulator.stop();
  }
}
