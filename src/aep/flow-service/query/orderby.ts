// The `orderby` query parameter (spec components.parameters.orderby; EN
// help/dataflows/api/sort-and-filter.md, "Sorting"): `name` or `+name` ascending, `-name`
// descending. The docs show one field per request, so a comma list is refused as a bad field.
import { fail, FLOW_ERRORS, flowError, ok, type FlowResult } from '../errors.js';
import { parsePath, valueAt, type PathSegment } from './path.js';

export type SortDirection = 'asc' | 'desc';

export type OrderBy = {
  readonly path: string;
  readonly segments: readonly PathSegment[];
  readonly direction: SortDirection;
};

/**
 * Parses one `orderby` value. A leading space counts as `+`: in a form-encoded query string
 * `orderby=+name` arrives as " name".
 */
export function parseOrderBy(raw: string): FlowResult<OrderBy> {
  const sign = raw.charAt(0);
  const direction: SortDirection = sign === '-' ? 'desc' : 'asc';
  const field = sign === '+' || sign === '-' || sign === ' ' ? raw.slice(1) : raw;
  // 1432 is about the sign: a second one (`--name`, `+-name`), one at the end (`name-`), or a
  // direction written SQL-style (`name desc`, `name:asc`).
  if (/^[+\- ]|[+-]$|[\s:](?:asc|desc)$/i.test(field)) return fail(flowError(FLOW_ERRORS.sortOrder, {}));
  const segments = parsePath(field, { allowEach: false });
  if (!segments) return fail(flowError(FLOW_ERRORS.sortField, { field: raw }));
  return ok({ path: field, segments, direction });
}

/**
 * A comparator for Array.prototype.sort. Values of different types, and missing ones, follow
 * Cosmos DB's ORDER BY rule: missing < null < boolean < number < string < array < object.
 * (Inference: Flow Service etags have Cosmos DB's `_etag` form, e.g. "7e05f181-0000-0200-0000-638e84f40000".)
 * Strings compare by code unit, as Cosmos DB does, not by locale.
 */
export function compareBy(order: OrderBy): (a: object, b: object) => number {
  const sign = order.direction === 'asc' ? 1 : -1;
  return (a, b) => sign * compareValues(valueAt(a, order.segments), valueAt(b, order.segments));
}

/** A sorted copy; with no order the input order is kept. Array.prototype.sort is stable, so ties keep it too. */
export function sortEntities<T extends object>(items: readonly T[], order: OrderBy | undefined): T[] {
  const copy = [...items];
  return order ? copy.sort(compareBy(order)) : copy;
}

function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' || typeof a === 'string') return a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0;
  return 0;
}

function typeRank(value: unknown): number {
  if (value === undefined) return 0;
  if (value === null) return 1;
  if (typeof value === 'boolean') return 2;
  if (typeof value === 'number') return 3;
  if (typeof value === 'string') return 4;
  return Array.isArray(value) ? 5 : 6;
}
