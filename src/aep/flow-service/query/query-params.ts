import { fail, FLOW_ERRORS, flowError, ok, type FlowResult } from '../errors.js';

/** A parsed query string as the HTTP layer hands it over: a string, or an array when repeated. */
export type QueryParams = Readonly<Record<string, unknown>>;

/** Every value given for `name`, in order; a value that is not a string (qs's `a[b]=c`) is a 1453. */
export function queryValues(query: QueryParams, name: string): FlowResult<string[]> {
  const raw = query[name];
  if (raw === undefined) return ok([]);
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  const bad = list.find((value) => typeof value !== 'string');
  if (bad !== undefined) return fail(flowError(FLOW_ERRORS.invalidQueryValue, { query: `${name}=${String(bad)}` }));
  return ok(list as string[]);
}

/**
 * The first value given for a single-valued parameter. Repeats are normal: aepp's getConnections
 * appends its own `limit` to a next href that already has one (reference/adobe-aep.md §9).
 */
export function firstQueryValue(query: QueryParams, name: string): FlowResult<string | undefined> {
  const values = queryValues(query, name);
  return values.ok ? ok(values.value[0]) : values;
}
