import http from 'node:http';
import https from 'node:https';
import type { ReplaySend } from './fixtures/replay.js';

/**
 * Headers of the connection rather than of the request; node:http sets them itself, and a
 * hand-written fixture that carries one (a stale content-length, say) must not break framing.
 */
const TRANSPORT_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
]);

/**
 * Replay's requests over node:http(s) with keep-alive agents. Node 20's `fetch` spends about
 * 300 µs of CPU per request (web streams, abort signals), node:http about 50 µs, so at
 * `--speed 0` fetch made the replaying process, not the target, the bottleneck (bench/README.md,
 * measurement (f)). Idle keep-alive sockets are unref'd by the agent: they never hold the
 * process open.
 */
export function createHttpSend(): ReplaySend {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return ({ url, method, headers, body, timeoutMs }) =>
    new Promise<number>((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const options = {
        method,
        headers: Object.fromEntries(Object.entries(headers).filter(([name]) => !TRANSPORT_HEADERS.has(name))),
        agent: secure ? agents.https : agents.http,
      };
      const settle = (error: Error | undefined, status = 0): void => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(status);
      };
      const req = (secure ? https : http).request(url, options, (res) => {
        res.once('error', settle);
        res.once('end', () => settle(undefined, res.statusCode ?? 0));
        res.resume(); // drain, so the connection is free for the next request
      });
      const timer = setTimeout(() => req.destroy(timeoutError(timeoutMs)), timeoutMs);
      req.once('error', settle);
      req.end(body);
    });
}

function timeoutError(timeoutMs: number): Error {
  const error = new Error(`no answer within ${timeoutMs} ms`);
  error.name = 'TimeoutError';
  return error;
}
