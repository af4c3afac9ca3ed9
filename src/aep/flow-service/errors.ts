// Flow Service's documented errors, as domain values. Adobe names each error "FLOW-NNNN-SSS", where
// SSS is the HTTP status it is sent with, so carrying the status here restates Adobe's naming; the
// HTTP layer alone turns a FlowError into the problem body (reference/adobe-aep.md §7).
//
// Titles and messages are Adobe's wording from EN help/sources/errors/flow-service-errors.md
// (AdobeDocs/experience-platform.en, "Internal validation errors in Flow Service"). The table gives
// one example per code; the templates put the request's own values where the example has its values.

/** A Flow Service error: Adobe's code, the status in its name, its title and its detailed message. */
export class FlowError extends Error {
  override name = 'FlowError';
  readonly code: number;
  readonly status: number;
  readonly title: string;
  readonly details: unknown;

  constructor(init: { code: number; status: number; title: string; message: string; details?: unknown }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.title = init.title;
    this.details = init.details;
  }

  /** "FLOW-1404-412": the last segment of the problem `type` URI Adobe sends. */
  get errorId(): string {
    return `FLOW-${this.code}-${this.status}`;
  }
}

/** What a parser or a check returns instead of throwing (DESIGN.md: validation returns data). */
export type FlowResult<T> = { ok: true; value: T } | { ok: false; error: FlowError };

export function ok<T>(value: T): FlowResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: FlowError): FlowResult<T> {
  return { ok: false, error };
}

/** The value of a result, or its FlowError thrown, for code that lets the router render errors. */
export function unwrap<T>(result: FlowResult<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/** One catalogue row; `message` fills Adobe's example sentence with the request's values. */
export type FlowErrorTemplate<P> = {
  readonly code: number;
  readonly status: number;
  readonly title: string;
  readonly message: (params: P) => string;
};

type NoParams = Record<string, never>;

function template<P = NoParams>(
  code: number,
  status: number,
  title: string,
  message: (params: P) => string,
): FlowErrorTemplate<P> {
  return Object.freeze({ code, status, title, message });
}

const INVALID = 'Invalid request';

export const FLOW_ERRORS = Object.freeze({
  limitWithCount: template(
    1401,
    400,
    INVALID,
    () =>
      'The limit and count parameters cannot be given together in the same request. Please provide either only the limit or the count parameter and try again.',
  ),
  ifMatchMissing: template(
    1403,
    400,
    'Header is missing',
    () => "The header 'If-Match' is missing in the request. Please provide the header and try again.",
  ),
  // The docs' example names an etag-shaped value ('cc01fc2c-0000-0200') as "the current version on
  // entity", so the second value is the current etag, not the entity id.
  versionMismatch: template<{ supplied: string; current: string }>(
    1404,
    412,
    'Version not matching',
    ({ supplied, current }) =>
      `The supplied version '${supplied}' does not match the current version on entity '${current}'. Please ensure that the supplied version matches the current version on entity and try again.`,
  ),
  emptyBody: template(
    1405,
    400,
    INVALID,
    () => 'The request body cannot be null or empty. Please provide a request body and try again.',
  ),
  connectionSpecImmutable: template(1414, 400, INVALID, () => 'The connection spec of a connection cannot be updated.'),
  sortOrder: template(
    1432,
    400,
    INVALID,
    () =>
      'Sort order specified is not correct, prepend + for ascending order and - for descending order in the fieldName.',
  ),
  sortField: template<{ field: string }>(
    1433,
    400,
    INVALID,
    ({ field }) => `Incorrect field= ${field} passed in orderBy, example are +name, -name, name.`,
  ),
  unsupportedPatchOperation: template<{ op: string }>(
    1434,
    400,
    INVALID,
    ({ op }) =>
      `Unsupported operation '${op}' received. Please use one of the supported operation types and try again.`,
  ),
  operatorNotImplemented: template<{ operator: string }>(
    1440,
    400,
    INVALID,
    ({ operator }) => `Operator '${operator}' not implemented.`,
  ),
  operatorWithMultipleValues: template<{ operator: string }>(
    1443,
    400,
    INVALID,
    ({ operator }) => `Operator '${operator}' is not allowed for multiple values.`,
  ),
  operatorNotSupportedForField: template<{ operator: string; field: string }>(
    1448,
    400,
    INVALID,
    ({ operator, field }) => `Operator ${operator} not supported for field ${field}.`,
  ),
  invalidFilterField: template<{ field: string }>(
    1449,
    400,
    INVALID,
    ({ field }) => `Invalid field ${field} in filter params.`,
  ),
  invalidFilterOperator: template<{ operator: string }>(
    1450,
    400,
    INVALID,
    ({ operator }) => `Invalid operator ${operator} in filter params.`,
  ),
  invalidQueryParam: template<{ param: string }>(
    1451,
    400,
    INVALID,
    ({ param }) => `Invalid params ${param} provided in query params.`,
  ),
  invalidFilterValue: template<{ value: string; field: string }>(
    1452,
    400,
    INVALID,
    ({ value, field }) => `Invalid value ${value} for field ${field}.`,
  ),
  invalidQueryValue: template<{ query: string }>(
    1453,
    400,
    INVALID,
    ({ query }) => `Invalid query value ${query} provided in query param.`,
  ),
  invalidRequest: template<{ detail: string }>(
    1100,
    400,
    INVALID,
    ({ detail }) => `The request could not be processed. Error from flow provider: ${detail}`,
  ),
  stateInCreateFlow: template(1410, 400, INVALID, () => '`State` is not allowed in the create flow request.'),
  invalidMappingVersion: template(
    1412,
    400,
    INVALID,
    () => 'Invalid Mapping Version in request. Please provide correct mapping version.',
  ),
  invalidSpecId: template(
    1413,
    400,
    INVALID,
    () => 'The spec ID provided is  invalid. Please provide a valid spec ID and try again.',
  ),
  baseConnectionInUse: template<{ id: string }>(
    1418,
    400,
    INVALID,
    ({ id }) =>
      `The base connection with the ID ${id} cannot be deleted because the base connection is being used in one or more flows. Please ensure that corresponding flows are deleted before deleting a base connection.`,
  ),
  mappingInvalid: template<{ id: string; version: string }>(
    1419,
    400,
    INVALID,
    ({ id, version }) =>
      `Error while validating mapping with id ${id}, version ${version}. This could be because of inadequate permissions on mapped fields. Please check your mapping or contact your admin.`,
  ),
  actionNotAllowed: template<{ action: string; state: string }>(
    1422,
    400,
    INVALID,
    ({ action, state }) =>
      `The action ${action} cannot be applied on the current state ${state}. Please update the action and try again.`,
  ),
  schemaMismatch: template<{ dataSetId: string; mappingSchema: string }>(
    1425,
    400,
    INVALID,
    ({ dataSetId, mappingSchema }) =>
      `Error while matching schema in target dataset ${dataSetId} with schema in mapping ${mappingSchema}. Schema with same id and version must be used in both mapping and target dataset.`,
  ),
  flowNotFound: template<{ id: string }>(1430, 400, INVALID, ({ id }) => `Flow not found with id ${id}.`),
  // The table lists 1439-400, but the documented response (EN labels.md) is FLOW-1439-404 with
  // status 404; the emulator answers what the service was seen to answer.
  resourceNotFound: template<{ resource: string; id: string }>(
    1439,
    404,
    'Resource not found',
    ({ resource, id }) =>
      `The requested ${resource} resource ${id} is not found. Verify the resource ID before trying again.`,
  ),
  flowIdMissing: template(
    1446,
    400,
    INVALID,
    () => 'The flow ID cannot be null or empty. Please update the flow ID and try again.',
  ),
  activeFlowsContain: template<{ id: string }>(
    1447,
    400,
    INVALID,
    ({ id }) => `Found active flows containing id ${id}.`,
  ),
  sandboxHeaderMissing: template(
    2105,
    400,
    'Header is missing',
    () => 'The header x-sandbox-name is missing in the request. Please add the header in the request and try again.',
  ),
  unhandledFilterValueType: template(1454, 400, INVALID, () => 'Unhandled Filter Value Type provided.'),
  invalidPatch: template<{ detail: string }>(
    1455,
    400,
    INVALID,
    ({ detail }) => `An error has occurred while validating patch instructions: ${detail}`,
  ),
});

/** Builds the error a catalogue row describes; `details` travels to the wire's `errorDetails`. */
export function flowError<P>(template: FlowErrorTemplate<P>, params: P, details?: unknown): FlowError {
  const { code, status, title } = template;
  return new FlowError({ code, status, title, message: template.message(params), details });
}
