// Continuation tokens: opaque to clients, but for the emulator just an offset bound to the query
// that produced it. Constraints from aepp (reference/adobe-aep.md §9): getFlows/getRuns read the
// token as `href.split("=")[1]`, so a token is base64url without padding (no `=`), and it is taken
// up to the first `&` because that split also swallows "&limit" from the href's next parameter.
import { createHash } from 'node:crypto';
import { fail, FLOW_ERRORS, flowError, ok, type FlowResult } from '../errors.js';

const VERSION = 'v1';
const TOKEN_BODY = /^[A-Za-z0-9_-]+/;
const DECODED = new RegExp(`^${VERSION}\\.(\\d{1,15})\\.([A-Za-z0-9_-]+)$`);

/**
 * A short digest of what decides a list's content and order (resource, filters, orderby), so that
 * a token is refused when replayed against a different query. Parts are sorted and de-duplicated:
 * aepp resends its parameters on top of a next href that already carries them.
 */
export function queryFingerprint(parts: readonly string[]): string {
  const canonical = JSON.stringify([...new Set(parts)].sort());
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function encodeContinuationToken(offset: number, fingerprint: string): string {
  return Buffer.from(`${VERSION}.${offset}.${fingerprint}`, 'utf8').toString('base64url');
}

/**
 * The offset a token stands for. A token that is not one of ours, or was made for another query,
 * is a 1451 naming the parameter: Adobe documents no token error, and 1451 ("Invalid params …
 * provided in query params") is its error for a query parameter it cannot use.
 */
export function decodeContinuationToken(token: string, fingerprint: string): FlowResult<number> {
  const invalid = fail<number>(flowError(FLOW_ERRORS.invalidQueryParam, { param: 'continuationToken' }));
  const body = TOKEN_BODY.exec(token)?.[0];
  if (!body) return invalid;
  const match = DECODED.exec(Buffer.from(body, 'base64url').toString('utf8'));
  if (!match?.[1] || match[2] !== fingerprint) return invalid;
  return ok(Number(match[1]));
}
