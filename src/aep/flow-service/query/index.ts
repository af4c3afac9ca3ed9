// Flow Service's query, patch and etag rules as pure functions: no HTTP here. Routes parse with
// these, then render a FlowError in Adobe's problem format.
export { fail, FlowError, FLOW_ERRORS, flowError, ok, type FlowErrorTemplate, type FlowResult } from '../errors.js';
export { type QueryParams } from './query-params.js';
export { parsePath, resolvePath, valueAt, type PathSegment } from './path.js';
export {
  createPropertyPredicate,
  matchesAll,
  matchesFilter,
  parsePropertyParams,
  type FilterOperator,
  type PropertyFilter,
  type PropertyQuery,
} from './property-filter.js';
export { projectFields, type ProjectedEntity } from './projection.js';
export { compareBy, parseOrderBy, sortEntities, type OrderBy, type SortDirection } from './orderby.js';
export { decodeContinuationToken, encodeContinuationToken, queryFingerprint } from './continuation-token.js';
export { buildNextHref, paginate, parsePageParams, type Page, type PageRequest } from './pagination.js';
export { parseListQuery, runListQuery, type ListQuery } from './list-query.js';
export {
  applyFlowPatch,
  DEFAULT_READ_ONLY_FIELDS,
  parsePatchBody,
  type PatchOperation,
  type PatchOptions,
} from './json-patch.js';
export {
  checkIfMatch,
  cosmosEtagBody,
  cosmosEtagSource,
  createEtag,
  ifMatchError,
  sequentialEtagSource,
  unquoteEtag,
  type EtagSource,
  type IfMatchOutcome,
} from './etag.js';
