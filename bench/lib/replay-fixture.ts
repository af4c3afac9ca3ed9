import { closeSync, openSync, writeSync } from 'node:fs';
import { FIXTURE_VERSION, parseFixture, serializeFixtureLine, type FixtureRequest } from '../../src/fixtures/format.js';
import { redactRequest, Redactor } from '../../src/fixtures/placeholders.js';
import { basicAuth, trackBodies, WRITE_KEY } from './bodies.js';

/**
 * The fixture of (f): `count` lines of `POST /v1/track`, byte for byte what `--record` writes for
 * the requests of the load benchmark (the same bodies and headers, a fresh messageId each): the
 * recorder's field order, the body stored parsed, and the write key redacted by the recorder's
 * own `redactRequest` to `Basic {{writeKey}}:`. Recorded one request per millisecond; replay
 * at `--speed 0` ignores the timing.
 */
export type TrackFixture = { lines: number; bytes: number; lastMessageId: string };

const BODY = '@BODY@';
const T0 = '"t":0,';

/** The n-th line of the fixture (newline included), from a template built once. */
export function trackFixtureLines(prefix: string): (n: number) => string {
  const bodies = trackBodies(prefix);
  const recorded = (body: unknown): FixtureRequest => ({
    v: FIXTURE_VERSION,
    t: 0,
    method: 'POST',
    path: '/v1/track',
    query: {},
    headers: { 'content-type': 'application/json', authorization: basicAuth(WRITE_KEY) },
    body,
  });
  const template = serializeFixtureLine(redactRequest(recorded(BODY), new Redactor()));
  const [head, rest] = cut(template, T0);
  const [middle, tail] = cut(rest, JSON.stringify(BODY));
  const line = (n: number): string => `${head}"t":${n},${middle}${bodies(n)}${tail}`;

  // The template must give exactly what serialising the whole recorded request gives.
  const expected = serializeFixtureLine(redactRequest(recorded(JSON.parse(bodies(0))), new Redactor()));
  if (line(0) !== expected) throw new Error(`fixture template drifted:\n${line(0)}\n${expected}`);
  if (!line(0).includes('"authorization":"Basic {{writeKey}}:"')) throw new Error('write key not redacted');
  if (parseFixture(line(0)).entries.length !== 1) throw new Error('fixture line does not parse');
  return line;
}

/** Writes the fixture to `file` in chunks, so 100,000 lines (~60 MB) never sit in one string. */
export function writeTrackFixture(file: string, count: number, prefix: string): TrackFixture {
  const line = trackFixtureLines(prefix);
  const fd = openSync(file, 'w');
  let bytes = 0;
  try {
    for (let start = 0; start < count; start += 5_000) {
      const chunk: string[] = [];
      for (let n = start; n < Math.min(count, start + 5_000); n++) chunk.push(line(n));
      const data = Buffer.from(chunk.join(''), 'utf8');
      for (let offset = 0; offset < data.length;) offset += writeSync(fd, data, offset);
      bytes += data.length;
    }
  } finally {
    closeSync(fd);
  }
  return { lines: count, bytes, lastMessageId: `${prefix}-${count - 1}` };
}

function cut(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  if (at < 0 || text.indexOf(marker, at + 1) >= 0) throw new Error(`fixture template: "${marker}" not found once`);
  return [text.slice(0, at), text.slice(at + marker.length)];
}
