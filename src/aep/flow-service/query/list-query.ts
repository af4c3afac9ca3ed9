// One list call end to end: property filters, then orderby, then the page (or the count), then
// the projection. Routes call parseListQuery on the query string and runListQuery on the entities.
import { ok, type FlowResult } from '../errors.js';
import { queryFingerprint } from './continuation-token.js';
import { parseOrderBy, sortEntities, type OrderBy } from './orderby.js';
import { paginate, parsePageParams, type Page, type PageRequest } from './pagination.js';
import { projectFields, type ProjectedEntity } from './projection.js';
import { matchesAll, parsePropertyParams, type PropertyQuery } from './property-filter.js';
import { firstQueryValue, queryValues, type QueryParams } from './query-params.js';

export type ListQuery = PropertyQuery &
  PageRequest & {
    readonly orderBy?: OrderBy;
    /** The raw `property` values, kept for the token fingerprint. */
    readonly propertyParams: readonly string[];
  };

/** Parses `property`, `orderby`, `limit`, `continuationToken` and `count`; other parameters are ignored. */
export function parseListQuery(query: QueryParams): FlowResult<ListQuery> {
  const propertyParams = queryValues(query, 'property');
  if (!propertyParams.ok) return propertyParams;
  const properties = parsePropertyParams(propertyParams.value);
  if (!properties.ok) return properties;
  const orderByRaw = firstQueryValue(query, 'orderby');
  if (!orderByRaw.ok) return orderByRaw;
  let orderBy: OrderBy | undefined;
  if (orderByRaw.value !== undefined) {
    const parsed = parseOrderBy(orderByRaw.value);
    if (!parsed.ok) return parsed;
    orderBy = parsed.value;
  }
  const page = parsePageParams(query);
  if (!page.ok) return page;
  return ok({ ...properties.value, ...page.value, ...(orderBy && { orderBy }), propertyParams: propertyParams.value });
}

/**
 * Filters, sorts, pages and projects. `scope` names the collection (e.g. "/flows" plus the
 * sandbox) so that a token from one list is refused by another.
 */
export function runListQuery<T extends object>(
  items: readonly T[],
  query: ListQuery,
  scope: string,
): FlowResult<Page<T | ProjectedEntity>> {
  const matching = items.filter((item) => matchesAll(item, query.filters));
  const sorted = sortEntities(matching, query.orderBy);
  const fingerprint = queryFingerprint([
    `scope:${scope}`,
    `orderby:${query.orderBy ? `${query.orderBy.direction}:${query.orderBy.path}` : ''}`,
    ...query.propertyParams.map((value) => `property:${value}`),
  ]);
  const page = paginate(sorted, query, fingerprint);
  if (!page.ok || 'count' in page.value || query.projection.length === 0) return page;
  const projected = page.value.items.map((item) => projectFields(item, query.projection));
  return ok({ ...page.value, items: projected });
}
