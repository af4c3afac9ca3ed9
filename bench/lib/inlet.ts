import type { BodySource } from './bodies.js';
import { send } from './http-get.js';
import { inletBatchBodies, MESSAGES_PER_BATCH } from './inlet-data.js';
import { createInletFlow, recordCounts, type InletFlow } from './inlet-setup.js';
import { BrokenRunError, postLoad, type LoadResult } from './load.js';
import type { Settings } from './measure.js';
import { startEmulatorChild } from './servers.js';

/**
 * (e) The AEP streaming inlet: `POST /collection/batch/{inletId}` of a Customer.io webhook flow
 * with the tutorial's six-field mapping set and schema validation, on a durable emulator of its
 * own. The baseline is what any server must do at the least with the same messages: parse each
 * body and serialise each message, timed in this process before and after the load.
 */
export type InletFigures = {
  recordsPerSec: number;
  /** JSON.parse of each body plus JSON.stringify of each message, in records per second. */
  baselineRecordsPerSec: number;
};

/** Records per second of `JSON.parse(body)` and `JSON.stringify(message)` for each message, for `seconds`. */
export function jsonRate(bodies: readonly string[], seconds: number): number {
  let records = 0;
  let sink = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  for (let i = 0; performance.now() < deadline; i++) {
    const { messages } = JSON.parse(bodies[i % bodies.length]!) as { messages: unknown[] };
    for (const message of messages) sink += JSON.stringify(message).length;
    records += messages.length;
  }
  if (sink === 0) throw new Error('JSON baseline: nothing serialised');
  return records / ((performance.now() - started) / 1000);
}

/** DCS answers a batch 207 with one response per message; any `statusCode` in it is a refused message. */
function batchProblem(status: number, body: string): string | undefined {
  if (status !== 207) return `answered ${status}, not 207: ${body.slice(0, 300)}`;
  if (body.includes('"statusCode"')) return `a message was refused: ${body.slice(0, 300)}`;
  return undefined;
}

async function load(
  url: string,
  flow: InletFlow,
  bodies: BodySource,
  settings: Settings,
): Promise<[LoadResult, number]> {
  const common = {
    url,
    path: flow.batchPath,
    headers: {},
    bodies,
    connections: settings.connections,
    checkBody: batchProblem,
  };
  const warm =
    settings.warmupSec > 0
      ? await postLoad({ ...common, durationSec: settings.warmupSec, label: 'inlet batch (warm-up)' })
      : undefined;
  const measured = await postLoad({ ...common, durationSec: settings.durationSec, label: 'inlet batch' });
  return [measured, measured.requests + (warm?.requests ?? 0)];
}

/**
 * Starts the emulator in `dir`, sets the flow up through the Platform APIs, loads the inlet and
 * checks that what was acknowledged landed: every message counted created in the flow's runs,
 * none failed, and the dataset lists records.
 */
export async function measureInlet(
  dir: string,
  settings: Settings,
  log: (line: string) => void,
): Promise<InletFigures> {
  log('(e) POST /collection/batch/{inletId}, 100 Customer.io webhook deliveries a request, on a fresh emulator');
  const emulator = await startEmulatorChild(dir);
  try {
    const flow = await createInletFlow(emulator.url);
    log(`    flow ${flow.flowId}, dataset ${flow.datasetId}, POST ${flow.batchPath}`);
    const bodies = inletBatchBodies();
    // The baseline handles the same kind of bodies; drawing them uses up ids the load never sends.
    const sample = Array.from({ length: 64 }, (_, n) => bodies(n));
    const before = await recordCounts(emulator.url, flow.flowId);
    const baselineBefore = jsonRate(sample, settings.jsonBaselineSec);
    const [result, answered] = await load(emulator.url, flow, bodies, settings);
    const baselineAfter = jsonRate(sample, settings.jsonBaselineSec);

    const after = await recordCounts(emulator.url, flow.flowId);
    const created = after.created - before.created;
    if (created < answered * MESSAGES_PER_BATCH || after.failed !== before.failed)
      throw new BrokenRunError(
        `inlet: ${answered * MESSAGES_PER_BATCH} messages acknowledged, but the runs counted ${created} created ` +
          `and ${after.failed - before.failed} failed`,
      );
    const listed = await send(`${emulator.url}/_emulator/datasets/${flow.datasetId}/records?limit=1`, 'GET', '');
    const items = listed.status === 200 ? ((JSON.parse(listed.text) as { items?: unknown[] }).items ?? []) : [];
    if (items.length !== 1)
      throw new BrokenRunError(`inlet: the dataset lists no records (${listed.status}): ${listed.text.slice(0, 200)}`);
    log(
      `    JSON baseline ${Math.round(baselineBefore)} → ${Math.round(baselineAfter)} records/s; p99 ${result.latencyP99Ms} ms`,
    );
    log(`    runs count ${after.input} input, ${after.created} created; a record: ${JSON.stringify(items[0])}`);
    const baselineRecordsPerSec = (baselineBefore + baselineAfter) / 2;
    return { recordsPerSec: result.requestsPerSec * MESSAGES_PER_BATCH, baselineRecordsPerSec };
  } finally {
    await emulator.stop();
  }
}
