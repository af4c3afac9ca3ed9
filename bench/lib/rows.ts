import { EVENTS_PER_BATCH } from './bodies.js';
import { MESSAGES_PER_BATCH } from './inlet-data.js';
import { ms, perSec, type Row } from './report.js';

export const TARGETS = {
  trackRatio: 0.8,
  batchEventsPerSec: 100_000,
  retainedRatio: 0.8,
  startupMs: 400,
  inletRecordsPerSec: 50_000,
};

/** Every figure of one run; request rates in requests per second. */
export type Figures = {
  baselineTrack: number;
  track: number;
  retainedTrack: number;
  baselineBatch: number;
  batch: number;
  retainedBatch: number;
  retainedEvents: number;
  startupMs: number;
  nodeStartupMs: number;
  /** (e) in records per second: the inlet, and JSON.parse + JSON.stringify of the same messages. */
  inlet: number;
  inletBaseline: number;
  /** (f) requests of the fixture over the replay CLI's wall time, into a fresh emulator. */
  replay: number;
  replayRequests: number;
};

/** The result table: what each measurement is compared with, and whether it met its target. */
export function tableRows(f: Figures): Row[] {
  const events = (requestsPerSec: number): number => requestsPerSec * EVENTS_PER_BATCH;
  const retained = `${Math.round(f.retainedEvents / 1000)}k retained`;
  return [
    {
      measurement: '(a) track + 1 stream subscriber',
      value: perSec(f.track, 'req'),
      baseline: `${perSec(f.baselineTrack, 'req')} express`,
      ratio: f.track / f.baselineTrack,
      target: `ratio ≥ ${TARGETS.trackRatio}`,
      pass: f.track / f.baselineTrack >= TARGETS.trackRatio,
    },
    {
      measurement: `(b) batch, ${EVENTS_PER_BATCH} events/request`,
      value: perSec(events(f.batch), 'ev'),
      baseline: `${perSec(events(f.baselineBatch), 'ev')} express`,
      ratio: f.batch / f.baselineBatch,
      target: `≥ ${perSec(TARGETS.batchEventsPerSec, 'ev')}`,
      pass: events(f.batch) >= TARGETS.batchEventsPerSec,
    },
    {
      measurement: `(c) track, ${retained}`,
      value: perSec(f.retainedTrack, 'req'),
      baseline: `${perSec(f.track, 'req')} (a)`,
      ratio: f.retainedTrack / f.track,
      target: `ratio ≥ ${TARGETS.retainedRatio}`,
      pass: f.retainedTrack / f.track >= TARGETS.retainedRatio,
    },
    {
      measurement: `(c) batch, ${retained}`,
      value: perSec(events(f.retainedBatch), 'ev'),
      baseline: `${perSec(events(f.batch), 'ev')} (b)`,
      ratio: f.retainedBatch / f.batch,
      target: `ratio ≥ ${TARGETS.retainedRatio}`,
      pass: f.retainedBatch / f.batch >= TARGETS.retainedRatio,
    },
    {
      measurement: '(d) CLI start-up to first 200',
      value: ms(f.startupMs),
      baseline: `${ms(f.nodeStartupMs)} node http`,
      ratio: f.startupMs / f.nodeStartupMs,
      target: `≤ ${TARGETS.startupMs} ms`,
      pass: f.startupMs <= TARGETS.startupMs,
    },
    {
      measurement: `(e) inlet batch, ${MESSAGES_PER_BATCH} records/request`,
      value: perSec(f.inlet, 'rec'),
      baseline: `${perSec(f.inletBaseline, 'rec')} JSON`,
      ratio: f.inlet / f.inletBaseline,
      target: `≥ ${perSec(TARGETS.inletRecordsPerSec, 'rec')}`,
      pass: f.inlet >= TARGETS.inletRecordsPerSec,
    },
    {
      // No target in the issue: reported for context (≥ 0.5 of the load generator's rate is good).
      measurement: `(f) replay ${f.replayRequests.toLocaleString('en-US')} track, --speed 0`,
      value: perSec(f.replay, 'req'),
      baseline: `${perSec(f.track, 'req')} (a)`,
      ratio: f.replay / f.track,
      target: 'none',
      pass: undefined,
    },
  ];
}
