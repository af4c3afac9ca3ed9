import { basicAuth, batchBodies, runPrefix, trackBodies, WRITE_KEY, type BodySource } from './bodies.js';
import { postLoad, type LoadResult } from './load.js';
import { subscribe } from './subscriber.js';

export type Settings = {
  durationSec: number;
  /** Unmeasured load first, so that every server is measured with warm JIT and caches. */
  warmupSec: number;
  connections: number;
  startupRuns: number;
  preloadEvents: number;
  /** Wall time of each in-process JSON baseline run of (e), before and after the load. */
  jsonBaselineSec: number;
  /** Lines of the fixture (f) replays. */
  replayRequests: number;
};

export const FULL: Settings = {
  durationSec: 10,
  warmupSec: 2,
  connections: 20,
  startupRuns: 15,
  preloadEvents: 100_000,
  jsonBaselineSec: 2,
  replayRequests: 100_000,
};
export const SMOKE: Settings = {
  durationSec: 1,
  warmupSec: 0.5,
  connections: 20,
  startupRuns: 3,
  // Smoke only checks that the path works; 100k events take seconds just to generate and import.
  preloadEvents: 20_000,
  jsonBaselineSec: 0.5,
  replayRequests: 2_000,
};

export type Streamed = LoadResult & { streamed: number | undefined };

/** The measured result, and how many requests were answered in all (warm-up included). */
async function run(
  url: string,
  path: string,
  bodies: BodySource,
  label: string,
  settings: Settings,
): Promise<[LoadResult, number]> {
  // One numbering across warm-up and measured run: postLoad numbers its requests from 0 each
  // time, and the measured run would repeat the warm-up's messageIds (the duplicate path).
  let next = 0;
  const common = {
    url,
    path,
    headers: { authorization: basicAuth(WRITE_KEY) },
    bodies: (): string => bodies(next++),
    connections: settings.connections,
    label,
  };
  const warm =
    settings.warmupSec > 0
      ? await postLoad({ ...common, durationSec: settings.warmupSec, label: `${label} (warm-up)` })
      : undefined;
  const measured = await postLoad({ ...common, durationSec: settings.durationSec });
  return [measured, measured.requests + (warm?.requests ?? 0)];
}

/**
 * POST /v1/track, one event a request. With `stream`, one WebSocket subscriber reads every
 * event meanwhile, and the run is broken unless each acknowledged event reached it.
 */
export async function trackRate(url: string, label: string, settings: Settings, stream: boolean): Promise<Streamed> {
  const bodies = trackBodies(runPrefix());
  if (!stream) return { ...(await run(url, '/v1/track', bodies, label, settings))[0], streamed: undefined };
  const subscriber = await subscribe(url, label);
  try {
    const [result, answered] = await run(url, '/v1/track', bodies, label, settings);
    // Every answered event must have reached the subscriber (the stream may trail a little).
    await subscriber.drain(answered);
    return { ...result, streamed: subscriber.received() };
  } finally {
    await subscriber.close();
  }
}

/** POST /v1/batch with EVENTS_PER_BATCH events a request, no subscriber. */
export async function batchRate(url: string, label: string, settings: Settings): Promise<LoadResult> {
  return (await run(url, '/v1/batch', batchBodies(runPrefix()), label, settings))[0];
}

export type Target = { url: string; label: string };
export type Kind = 'track' | 'batch';

function once(kind: Kind, target: Target, settings: Settings): Promise<Streamed> {
  if (kind === 'track') return trackRate(target.url, `${target.label} track`, settings, true);
  return batchRate(target.url, `${target.label} batch`, settings).then((r) => ({ ...r, streamed: undefined }));
}

/** Two runs of one server as one: rates over the summed requests and durations. */
function combine(first: Streamed, second: Streamed): Streamed {
  const requests = first.requests + second.requests;
  const durationSec = first.durationSec + second.durationSec;
  return {
    requests,
    durationSec,
    requestsPerSec: requests / durationSec,
    latencyP50Ms: Math.max(first.latencyP50Ms, second.latencyP50Ms),
    latencyP99Ms: Math.max(first.latencyP99Ms, second.latencyP99Ms),
    streamed: first.streamed === undefined ? undefined : first.streamed + (second.streamed ?? 0),
  };
}

/**
 * Measures two emulators in the order A B B A, half the duration each (only the first run
 * of each warmed up), so that whatever the machine's other load does during the sequence,
 * and whichever goes first, weighs on both alike.
 */
export async function abba(kind: Kind, a: Target, b: Target, settings: Settings): Promise<[Streamed, Streamed]> {
  const half = { ...settings, durationSec: settings.durationSec / 2 };
  const warm = { ...half, warmupSec: 0 };
  const a1 = await once(kind, a, half);
  const b1 = await once(kind, b, half);
  const b2 = await once(kind, b, warm);
  const a2 = await once(kind, a, warm);
  return [combine(a1, a2), combine(b1, b2)];
}
