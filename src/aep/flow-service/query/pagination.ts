// `limit`, `continuationToken` and `count` on Flow Service list calls (spec components.parameters;
// EN help/dataflows/api/sort-and-filter.md, "count"; reference/adobe-aep.md §3.1-3.2 and §9).
import { fail, FLOW_ERRORS, flowError, ok, type FlowResult } from '../errors.js';
import { decodeContinuationToken, encodeContinuationToken } from './continuation-token.js';
import { firstQueryValue, type QueryParams } from './query-params.js';

export type PageRequest = {
  /** Absent: the rest of the list in one page. */
  readonly limit?: number;
  readonly continuationToken?: string;
  /** `count=true`: answer `{count}` only. */
  readonly count: boolean;
};

/** A page of items with the token for the next one, or, for `count=true`, the count alone. */
export type Page<T> = { items: T[]; nextToken?: string } | { count: number };

/**
 * Reads limit, count and continuationToken. `count` is a boolean written in any case (aepp sends
 * Python's `False`/`True`). Only `count=true` together with `limit` is 1401: aepp always sends
 * `count=False` with `limit`, and that must work (reference/adobe-aep.md §9).
 */
export function parsePageParams(query: QueryParams): FlowResult<PageRequest> {
  const limitRaw = firstQueryValue(query, 'limit');
  const countRaw = firstQueryValue(query, 'count');
  const tokenRaw = firstQueryValue(query, 'continuationToken');
  if (!limitRaw.ok) return limitRaw;
  if (!countRaw.ok) return countRaw;
  if (!tokenRaw.ok) return tokenRaw;

  let limit: number | undefined;
  if (limitRaw.value !== undefined) {
    limit = /^\d{1,9}$/.test(limitRaw.value) ? Number(limitRaw.value) : 0;
    if (limit < 1) return fail(flowError(FLOW_ERRORS.invalidQueryValue, { query: `limit=${limitRaw.value}` }));
  }
  const countText = countRaw.value?.toLowerCase();
  if (countText !== undefined && countText !== 'true' && countText !== 'false') {
    return fail(flowError(FLOW_ERRORS.invalidQueryValue, { query: `count=${countRaw.value}` }));
  }
  const count = countText === 'true';
  if (count && limit !== undefined) return fail(flowError(FLOW_ERRORS.limitWithCount, {}));
  const continuationToken = tokenRaw.value === '' ? undefined : tokenRaw.value;
  return ok({
    count,
    ...(limit !== undefined && { limit }),
    ...(continuationToken !== undefined && { continuationToken }),
  });
}

/**
 * One page of an already filtered and sorted list. `fingerprint` (queryFingerprint) binds the
 * tokens handed out to this query; a token from another query is refused.
 */
export function paginate<T>(items: readonly T[], request: PageRequest, fingerprint: string): FlowResult<Page<T>> {
  if (request.count) return ok({ count: items.length });
  let offset = 0;
  if (request.continuationToken !== undefined) {
    const decoded = decodeContinuationToken(request.continuationToken, fingerprint);
    if (!decoded.ok) return decoded;
    offset = decoded.value;
  }
  const end = request.limit === undefined ? items.length : offset + request.limit;
  const page = items.slice(offset, end);
  return ok(
    end < items.length ? { items: page, nextToken: encodeContinuationToken(end, fingerprint) } : { items: page },
  );
}

/**
 * `_links.next.href`: relative to the Flow Service base (aepp's getConnections appends it to the
 * base URL), with the token as the first query value (aepp's getFlows reads `href.split("=")[1]`),
 * then `limit`, then the request's other parameters so a client that follows the href verbatim
 * gets the same filter and order.
 */
export function buildNextHref(resourcePath: string, token: string, query: QueryParams): string {
  const pairs: string[] = [`continuationToken=${token}`];
  const entries = Object.entries(query).filter(([name]) => name !== 'continuationToken');
  entries.sort(([a], [b]) => Number(b === 'limit') - Number(a === 'limit'));
  for (const [name, raw] of entries) {
    const values: unknown[] = Array.isArray(raw) ? raw : [raw];
    for (const value of values) {
      if (typeof value === 'string') pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    }
  }
  return `${resourcePath}?${pairs.join('&')}`;
}
