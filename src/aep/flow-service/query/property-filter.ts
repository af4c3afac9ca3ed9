// The `property` query parameter of Flow Service list calls. Sources: the spec's
// components.parameters.property, EN help/dataflows/api/sort-and-filter.md, and the codes 1440-1454
// in EN help/sources/errors/flow-service-errors.md (reference/adobe-aep.md §3.2).
//
// - `path<op>value`: operators `==`, `>`, `>=`, `<`, `<=` (the only ones the docs use).
// - `a==x,y` means "any of". Several `property=` parameters are ANDed.
// - `path[]` fans out over an array; a filter matches if any reached value matches.
// - A bare `path` (no operator) is a projection: the spec calls `property` "a comma-separated list
//   of top-level object properties to be returned in the response".
import { fail, FLOW_ERRORS, flowError, ok, type FlowError, type FlowResult } from '../errors.js';
import { parsePath, resolvePath, type PathSegment } from './path.js';

export type FilterOperator = '==' | '>' | '>=' | '<' | '<=';

export type PropertyFilter = {
  readonly path: string;
  readonly segments: readonly PathSegment[];
  readonly operator: FilterOperator;
  /** Any of these; range operators carry exactly one. Surrounding double quotes are removed. */
  readonly values: readonly string[];
};

export type PropertyQuery = {
  readonly filters: readonly PropertyFilter[];
  /** Fields to return, in the order asked; empty means the whole entity. */
  readonly projection: readonly string[];
};

const OPERATOR_CHARS = /[=<>!~]/;
// A comma-separated piece that starts a new clause rather than adding a value: the spec declares
// `property` with `style: form, explode: false`, so a generated client sends `a==x,b==y`.
const CLAUSE_START = /^[\w$@:-]+(?:\[\])?(?:\.[\w$@:-]+(?:\[\])?)*[=<>!~]/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Parses every `property=` value given; all filters must hold (AND), projections accumulate. */
export function parsePropertyParams(rawValues: readonly string[]): FlowResult<PropertyQuery> {
  const filters: PropertyFilter[] = [];
  const projection: string[] = [];
  for (const raw of rawValues) {
    if (raw.trim() === '') return fail(flowError(FLOW_ERRORS.invalidQueryValue, { query: raw }));
    for (const clause of splitClauses(raw)) {
      const parsed = parseClause(clause);
      if (parsed instanceof Error) return fail(parsed);
      if (typeof parsed === 'string') {
        if (!projection.includes(parsed)) projection.push(parsed);
      } else filters.push(parsed);
    }
  }
  return ok({ filters, projection });
}

/** True when the entity satisfies every filter. */
export function matchesAll(entity: object, filters: readonly PropertyFilter[]): boolean {
  return filters.every((filter) => matchesFilter(entity, filter));
}

export function matchesFilter(entity: object, filter: PropertyFilter): boolean {
  const reached = resolvePath(entity, filter.segments);
  const { operator, values } = filter;
  if (operator === '==') return reached.some((actual) => values.some((value) => equalsValue(actual, value)));
  const limit = Number(values[0]);
  return reached.some((actual) => {
    const number = asNumber(actual);
    return number !== undefined && inRange(number, operator, limit);
  });
}

/** A predicate over plain JSON entities, for Array.prototype.filter. */
export function createPropertyPredicate(filters: readonly PropertyFilter[]): (entity: object) => boolean {
  return (entity) => matchesAll(entity, filters);
}

/**
 * Splits one parameter value into clauses. Pieces before the first operator are projection
 * fields (`name,id`); after it, a piece is another value of the clause (`id==a,b`) unless it
 * starts a clause of its own (`state==enabled,name==x`).
 */
function splitClauses(raw: string): string[] {
  const clauses: string[] = [];
  let inFilter = false;
  for (const piece of raw.split(',')) {
    const startsClause: boolean = inFilter ? CLAUSE_START.test(piece) : OPERATOR_CHARS.test(piece);
    if (!inFilter || startsClause) clauses.push(piece);
    else clauses[clauses.length - 1] += `,${piece}`;
    inFilter ||= startsClause;
  }
  return clauses;
}

/** A projection field (string), a filter, or the error Adobe documents for what is wrong. */
function parseClause(clause: string): string | PropertyFilter | FlowError {
  const at = clause.search(OPERATOR_CHARS);
  if (at < 0) {
    const segments = parsePath(clause, { allowEach: false });
    return segments ? clause : flowError(FLOW_ERRORS.invalidFilterField, { field: clause });
  }
  const path = clause.slice(0, at);
  const operatorText = /^[=<>!~]+/.exec(clause.slice(at))?.[0] ?? '';
  const valueText = clause.slice(at + operatorText.length);
  const segments = parsePath(path, { allowEach: true });
  if (!segments) return flowError(FLOW_ERRORS.invalidFilterField, { field: path });
  const operator = toOperator(operatorText);
  if (operator instanceof Error) return operator;
  const values = valueText.split(',').map(unquote);
  if (values.some((value) => value === '')) return flowError(FLOW_ERRORS.invalidQueryValue, { query: clause });
  // Inference: Adobe documents 1454 without an example; a JSON object or array literal is the one
  // value shape a string/number/boolean filter cannot handle.
  if (values.some((value) => /^[[{]/.test(value))) return flowError(FLOW_ERRORS.unhandledFilterValueType, {});
  if (operator !== '==') {
    if (values.length > 1) return flowError(FLOW_ERRORS.operatorWithMultipleValues, { operator });
    // 1448's documented example: ids have no order.
    if (path === 'id') return flowError(FLOW_ERRORS.operatorNotSupportedForField, { operator, field: path });
    // Range filters in the docs compare epoch-millisecond numbers only.
    if (!NUMBER.test(values[0] ?? ''))
      return flowError(FLOW_ERRORS.invalidFilterValue, { value: valueText, field: path });
  }
  return { path, segments, operator, values };
}

function toOperator(text: string): FilterOperator | FlowError {
  switch (text) {
    case '==':
    case '>':
    case '>=':
    case '<':
    case '<=':
      return text;
    // The docs' connectionSpec table writes `property=attributes.sampleAttribute="abc"` with one `=`;
    // accepted as equality so that copying the docs works.
    case '=':
      return '==';
    // Adobe answers `~` with 1440 "not implemented" rather than 1450 "invalid operator".
    case '~':
      return flowError(FLOW_ERRORS.operatorNotImplemented, { operator: text });
    default:
      return flowError(FLOW_ERRORS.invalidFilterOperator, { operator: text });
  }
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/**
 * Equality follows the stored value's type: numbers compare as numbers, booleans as true/false,
 * strings ignoring case. Case is ignored because the docs filter one field three ways:
 * `metrics.statusSummary.status==Failed` (sort-and-filter.md), `==failed` (aepp) and the spec's
 * enum `FAILED` (inference: the service does not match case-sensitively).
 */
function equalsValue(actual: unknown, expected: string): boolean {
  switch (typeof actual) {
    case 'string':
      return actual.toLowerCase() === expected.toLowerCase();
    case 'number':
      return NUMBER.test(expected) && Number(expected) === actual;
    case 'boolean':
      return expected.toLowerCase() === String(actual);
    default:
      return actual === null && expected.toLowerCase() === 'null';
  }
}

// Numeric strings count as numbers: flows store scheduleParams.startTime as "1612310466".
function asNumber(actual: unknown): number | undefined {
  if (typeof actual === 'number') return actual;
  return typeof actual === 'string' && NUMBER.test(actual) ? Number(actual) : undefined;
}

function inRange(actual: number, operator: Exclude<FilterOperator, '=='>, limit: number): boolean {
  switch (operator) {
    case '>':
      return actual > limit;
    case '>=':
      return actual >= limit;
    case '<':
      return actual < limit;
    case '<=':
      return actual <= limit;
  }
}
