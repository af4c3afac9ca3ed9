import autocannon from 'autocannon';
import type { BodySource } from './bodies.js';

export type LoadOptions = {
  /** Base URL of a server on 127.0.0.1. */
  url: string;
  path: string;
  headers: Record<string, string>;
  bodies: BodySource;
  connections: number;
  durationSec: number;
  label: string;
  /** Inspects each answer; a returned problem means the run is broken (e.g. a 207 with a 400 inside). */
  checkBody?: (status: number, body: string) => string | undefined;
};

export type LoadResult = {
  requestsPerSec: number;
  requests: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  durationSec: number;
};

/** Thrown when the server under load answered anything but 2xx or dropped connections. */
export class BrokenRunError extends Error {
  override name = 'BrokenRunError';
}

/**
 * POSTs `bodies(n)` (n = 0, 1, 2, … across all connections) for `durationSec` with
 * pipelining 1. Any non-2xx answer, connection error or timeout means the benchmark is
 * broken, not slow, and throws.
 */
export async function postLoad(options: LoadOptions): Promise<LoadResult> {
  const { url, path, headers, bodies, connections, durationSec, label, checkBody } = options;
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`${label}: refusing non-loopback target ${url}`);
  let n = 0;
  let problem: string | undefined;
  const onResponse = checkBody && ((status: number, body: string) => void (problem ??= checkBody(status, body)));
  const result = await autocannon({
    url: `${url}${path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    connections,
    pipelining: 1,
    duration: durationSec,
    timeout: 30,
    requests: [{ setupRequest: (request) => ({ ...request, body: bodies(n++) }), ...(onResponse && { onResponse }) }],
  });
  const bad = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2'));
  if (result.non2xx > 0 || result.errors > 0) {
    const codes = bad.map(([code, stat]) => `${code}×${stat.count ?? 0}`).join(', ');
    throw new BrokenRunError(
      `${label}: ${result.non2xx} non-2xx responses${codes ? ` (${codes})` : ''}, ${result.errors} errors (${result.timeouts} timeouts)`,
    );
  }
  if (problem !== undefined) throw new BrokenRunError(`${label}: ${problem}`);
  if (result.requests.total === 0) throw new BrokenRunError(`${label}: no request completed`);
  return {
    requestsPerSec: result.requests.total / result.duration,
    requests: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    durationSec: result.duration,
  };
}
