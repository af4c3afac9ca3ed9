// Etags as Flow Service writes them (reference/adobe-aep.md §3.1): the value carries literal
// quotes, `"\"7e05f181-0000-0200-0000-638e84f40000\""` in JSON, `version` repeats it, and clients
// send it back verbatim, quotes included, in `If-Match` (EN update-dataflows.md; aepp).
import { FLOW_ERRORS, flowError, type FlowError } from '../errors.js';

/** Produces the inside of an etag, without quotes. Passed in, so tests and a deterministic mode choose it. */
export type EtagSource = () => string;

/**
 * Adobe's etag body, which is Cosmos DB's `_etag` form: 8 hex digits, "-0000-0200-0000-", then
 * the write time in epoch seconds as 8 hex digits and "0000". In the update-dataflows.md example,
 * etag "5400d99c-0000-0200-0000-60358d540000" goes with updatedAt 1614122324830 (0x60358d54 s).
 */
export function cosmosEtagBody(nowMs: number, random: () => number): string {
  const prefix = Math.floor(random() * 0x1_0000_0000);
  const seconds = Math.floor(nowMs / 1000);
  return `${hex8(prefix)}-0000-0200-0000-${hex8(seconds)}0000`;
}

/** Etags like the service's, from a clock and a random source. */
export function cosmosEtagSource(now: () => number = Date.now, random: () => number = Math.random): EtagSource {
  return () => cosmosEtagBody(now(), random);
}

/** Deterministic etags with the same shape: 00000001-0000-0200-0000-000000000000, then …02, …. */
export function sequentialEtagSource(start = 1): EtagSource {
  let next = start;
  return () => `${hex8(next++)}-0000-0200-0000-000000000000`;
}

/** A new etag with its literal quotes, ready to store in `etag` and `version`. */
export function createEtag(source: EtagSource): string {
  return `"${source()}"`;
}

/** The etag without weak prefix, quotes or escaping backslashes, for comparison. */
export function unquoteEtag(value: string): string {
  return value
    .trim()
    .replace(/^W\//, '')
    .replace(/^[\\"]+|[\\"]+$/g, '');
}

export type IfMatchOutcome = 'ok' | 'missing' | 'stale';

/**
 * Compares an If-Match header with the entity's current etag. Quotes are optional, as is a `W/`
 * prefix (HTTP clients that weaken etags after compression), and a comma-separated list matches
 * if any member does (RFC 9110 §13.1.1). `*` is not special: Adobe compares versions (inference).
 */
export function checkIfMatch(header: string | readonly string[] | undefined, currentEtag: string): IfMatchOutcome {
  const text = typeof header === 'string' ? header : (header ?? []).join(',');
  const candidates = text.split(',').map(unquoteEtag).filter(Boolean);
  if (candidates.length === 0) return 'missing';
  return candidates.includes(unquoteEtag(currentEtag)) ? 'ok' : 'stale';
}

/** 1403 for a missing If-Match, 1404 for a stale one, undefined when it matches. */
export function ifMatchError(
  header: string | readonly string[] | undefined,
  currentEtag: string,
): FlowError | undefined {
  const outcome = checkIfMatch(header, currentEtag);
  if (outcome === 'ok') return undefined;
  if (outcome === 'missing') return flowError(FLOW_ERRORS.ifMatchMissing, {});
  const supplied = typeof header === 'string' ? header : (header ?? []).join(',');
  return flowError(FLOW_ERRORS.versionMismatch, { supplied: unquoteEtag(supplied), current: unquoteEtag(currentEtag) });
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
