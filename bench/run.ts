/**
 * The benchmarks (DESIGN.md, How we know it works): each figure is printed as a ratio to a
 * baseline measured in the same run, because a 2-core machine is too noisy for absolute
 * thresholds. Targets missed are reported, not failed: the exit status is non-zero only when
 * the benchmark itself broke (a server did not start, an answer was not 2xx).
 *
 *   npm run bench          full run, about two minutes (bench/README.md)
 *   npm run bench:smoke    the same with ~1 s per measurement, for CI
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt } from './lib/build.js';
import { killAllNow, stopAll } from './lib/children.js';
import { measureInlet } from './lib/inlet.js';
import { abba, batchRate, FULL, SMOKE, trackRate, type Settings } from './lib/measure.js';
import { measureReplay } from './lib/replay.js';
import { formatTable, ms } from './lib/report.js';
import { tableRows, type Figures } from './lib/rows.js';
import { emulatorCommand, preloadEvents, ROOT, startBaselineChild, startEmulatorChild } from './lib/servers.js';
import { medianStartups, TINY_SERVER } from './lib/startup.js';
import { sleep } from './lib/subscriber.js';
import { removeTempDirs, tempDir } from './lib/temp.js';

/** Retained-events cap of the emulator of measurement (c): room for the preload and what the runs add. */
const RETAINED_MAX = 200_000;

const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

/**
 * Three servers run side by side, each in its own process: the express baseline, an emulator
 * with an empty state and one holding the preloaded events. Each measurement runs on all of
 * them back to back (baseline, then the emulators A B B A, then baseline again), so that the
 * machine's noise hits all alike and each ratio compares figures taken seconds apart.
 */
async function measure(settings: Settings): Promise<Figures> {
  ensureBuilt(ROOT, log);
  const temp = tempDir();
  try {
    log('starting the baseline express app and two emulators (durable state in a temp dir)');
    const baseline = await startBaselineChild();
    const empty = await startEmulatorChild(path.join(temp.dir, 'empty'));
    const retained = await startEmulatorChild(path.join(temp.dir, 'retained'), ['--max-events', String(RETAINED_MAX)]);
    const preload = await preloadEvents(retained.url, settings.preloadEvents);
    log(
      `PUT /_emulator/state with ${settings.preloadEvents} events: ${(preload.bytes / 1e6).toFixed(1)} MB in ${ms(preload.ms)}`,
    );
    // The import is journaled as one large entry; let the snapshot it triggers finish first.
    await sleep(settings.durationSec >= 5 ? 3_000 : 500);

    const emulatorA = { url: empty.url, label: 'emulator' };
    const emulatorB = { url: retained.url, label: 'emulator (retained)' };
    const noWarmup = { ...settings, warmupSec: 0 };

    log('(a) POST /v1/track, one WebSocket subscriber on each emulator');
    const trackBefore = await trackRate(baseline.url, 'baseline track', settings, false);
    const [track, retainedTrack] = await abba('track', emulatorA, emulatorB, settings);
    const trackAfter = await trackRate(baseline.url, 'baseline track', noWarmup, false);
    log(
      `    baseline ${rates(trackBefore.requestsPerSec, trackAfter.requestsPerSec)} req/s; p99 ms: ` +
        `baseline ${trackBefore.latencyP99Ms}, emulator ${track.latencyP99Ms}, retained ${retainedTrack.latencyP99Ms}`,
    );
    log(`    the stream delivered ${track.streamed} and ${retainedTrack.streamed} events`);
    // Right after (a), whose emulator rate is its baseline; the other servers sit idle meanwhile.
    const replay = await measureReplay(path.join(temp.dir, 'replay'), settings, log);

    log('(b) POST /v1/batch, 100 events a request, no subscriber');
    const batchBefore = await batchRate(baseline.url, 'baseline batch', settings);
    const [batch, retainedBatch] = await abba('batch', emulatorA, emulatorB, settings);
    const batchAfter = await batchRate(baseline.url, 'baseline batch', noWarmup);
    log(
      `    baseline ${rates(batchBefore.requestsPerSec, batchAfter.requestsPerSec)} req/s; p99 ms: ` +
        `baseline ${batchBefore.latencyP99Ms}, emulator ${batch.latencyP99Ms}, retained ${retainedBatch.latencyP99Ms}`,
    );
    await stopAll();

    log(`(d) start-up, median of ${settings.startupRuns} runs each`);
    const [cli, node] = await medianStartups([emulatorCommand(), TINY_SERVER], settings.startupRuns);
    log(
      `    emulator ${cli!.runsMs.map(Math.round).join(' ')} ms; node http ${node!.runsMs.map(Math.round).join(' ')} ms`,
    );
    const inlet = await measureInlet(path.join(temp.dir, 'inlet'), settings, log);

    return {
      baselineTrack: mean(trackBefore.requestsPerSec, trackAfter.requestsPerSec),
      track: track.requestsPerSec,
      retainedTrack: retainedTrack.requestsPerSec,
      baselineBatch: mean(batchBefore.requestsPerSec, batchAfter.requestsPerSec),
      batch: batch.requestsPerSec,
      retainedBatch: retainedBatch.requestsPerSec,
      retainedEvents: settings.preloadEvents,
      startupMs: cli!.medianMs,
      nodeStartupMs: node!.medianMs,
      inlet: inlet.recordsPerSec,
      inletBaseline: inlet.baselineRecordsPerSec,
      replay,
      replayRequests: settings.replayRequests,
    };
  } finally {
    await stopAll();
    temp.cleanup();
  }
}

const mean = (a: number, b: number): number => (a + b) / 2;
const rates = (before: number, after: number): string => `${Math.round(before)} → ${Math.round(after)}`;

const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false } } });
const settings = values.smoke ? SMOKE : FULL;
process.on('exit', () => {
  killAllNow();
  removeTempDirs();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllNow();
    process.exit(130);
  });
}

const started = performance.now();
try {
  const rows = tableRows(await measure(settings));
  const missed = rows.filter((r) => r.pass === false).length;
  const targets = rows.filter((r) => r.pass !== undefined).length;
  process.stdout.write(
    `\ncdp-emulator benchmarks${values.smoke ? ' (smoke)' : ''}, ${new Date().toISOString()}, node ${process.version}, ` +
      `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${settings.connections} connections, ` +
      `${settings.durationSec} s per measurement after ${settings.warmupSec} s warm-up\n\n${formatTable(rows)}\n\n` +
      `${missed} of ${targets} targets missed (reported, never failed); ` +
      `took ${Math.round((performance.now() - started) / 1000)} s\n`,
  );
} catch (error) {
  process.stderr.write(`\nbench: BROKEN: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
