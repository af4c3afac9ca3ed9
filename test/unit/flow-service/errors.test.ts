import { describe, expect, it } from 'vitest';
import { FLOW_ERRORS, FlowError, flowError } from '../../../src/aep/flow-service/errors.js';

// Each row fills a template with the example values of EN help/sources/errors/flow-service-errors.md
// and expects that table's row verbatim: "NNNN-SSS | Title | Detailed message".
const DOC_ROWS: [FlowError, string, string, string][] = [
  [
    flowError(FLOW_ERRORS.limitWithCount, {}),
    '1401-400',
    'Invalid request',
    'The limit and count parameters cannot be given together in the same request. Please provide either only the limit or the count parameter and try again.',
  ],
  [
    flowError(FLOW_ERRORS.ifMatchMissing, {}),
    '1403-400',
    'Header is missing',
    "The header 'If-Match' is missing in the request. Please provide the header and try again.",
  ],
  [
    flowError(FLOW_ERRORS.versionMismatch, { supplied: 'v1', current: 'cc01fc2c-0000-0200' }),
    '1404-412',
    'Version not matching',
    "The supplied version 'v1' does not match the current version on entity 'cc01fc2c-0000-0200'. Please ensure that the supplied version matches the current version on entity and try again.",
  ],
  [
    flowError(FLOW_ERRORS.emptyBody, {}),
    '1405-400',
    'Invalid request',
    'The request body cannot be null or empty. Please provide a request body and try again.',
  ],
  [
    flowError(FLOW_ERRORS.connectionSpecImmutable, {}),
    '1414-400',
    'Invalid request',
    'The connection spec of a connection cannot be updated.',
  ],
  [
    flowError(FLOW_ERRORS.sortOrder, {}),
    '1432-400',
    'Invalid request',
    'Sort order specified is not correct, prepend + for ascending order and - for descending order in the fieldName.',
  ],
  [
    flowError(FLOW_ERRORS.sortField, { field: '#id' }),
    '1433-400',
    'Invalid request',
    'Incorrect field= #id passed in orderBy, example are +name, -name, name.',
  ],
  [
    flowError(FLOW_ERRORS.unsupportedPatchOperation, { op: 'move' }),
    '1434-400',
    'Invalid request',
    "Unsupported operation 'move' received. Please use one of the supported operation types and try again.",
  ],
  [
    flowError(FLOW_ERRORS.operatorNotImplemented, { operator: '~' }),
    '1440-400',
    'Invalid request',
    "Operator '~' not implemented.",
  ],
  [
    flowError(FLOW_ERRORS.operatorWithMultipleValues, { operator: '<=' }),
    '1443-400',
    'Invalid request',
    "Operator '<=' is not allowed for multiple values.",
  ],
  [
    flowError(FLOW_ERRORS.operatorNotSupportedForField, { operator: '>=', field: 'id' }),
    '1448-400',
    'Invalid request',
    'Operator >= not supported for field id.',
  ],
  [
    flowError(FLOW_ERRORS.invalidFilterField, { field: 'connections' }),
    '1449-400',
    'Invalid request',
    'Invalid field connections in filter params.',
  ],
  [
    flowError(FLOW_ERRORS.invalidFilterOperator, { operator: '!>' }),
    '1450-400',
    'Invalid request',
    'Invalid operator !> in filter params.',
  ],
  [
    flowError(FLOW_ERRORS.invalidQueryParam, { param: 'testParam' }),
    '1451-400',
    'Invalid request',
    'Invalid params testParam provided in query params.',
  ],
  [
    flowError(FLOW_ERRORS.invalidFilterValue, { value: '1676643256,1676643210', field: 'createdAt' }),
    '1452-400',
    'Invalid request',
    'Invalid value 1676643256,1676643210 for field createdAt.',
  ],
  [
    flowError(FLOW_ERRORS.invalidQueryValue, { query: 'createdAt==' }),
    '1453-400',
    'Invalid request',
    'Invalid query value createdAt== provided in query param.',
  ],
  [
    flowError(FLOW_ERRORS.unhandledFilterValueType, {}),
    '1454-400',
    'Invalid request',
    'Unhandled Filter Value Type provided.',
  ],
  [
    flowError(FLOW_ERRORS.invalidPatch, { detail: 'Missing field "keyWhichDoesNotExist".' }),
    '1455-400',
    'Invalid request',
    'An error has occurred while validating patch instructions: Missing field "keyWhichDoesNotExist".',
  ],
  [
    flowError(FLOW_ERRORS.invalidRequest, { detail: 'Not entitled to this operation.' }),
    '1100-400',
    'Invalid request',
    'The request could not be processed. Error from flow provider: Not entitled to this operation.',
  ],
  [
    flowError(FLOW_ERRORS.stateInCreateFlow, {}),
    '1410-400',
    'Invalid request',
    '`State` is not allowed in the create flow request.',
  ],
  [
    flowError(FLOW_ERRORS.invalidMappingVersion, {}),
    '1412-400',
    'Invalid request',
    'Invalid Mapping Version in request. Please provide correct mapping version.',
  ],
  [
    flowError(FLOW_ERRORS.invalidSpecId, {}),
    '1413-400',
    'Invalid request',
    'The spec ID provided is  invalid. Please provide a valid spec ID and try again.',
  ],
  [
    flowError(FLOW_ERRORS.baseConnectionInUse, { id: '35dcaad3-122a-4278' }),
    '1418-400',
    'Invalid request',
    'The base connection with the ID 35dcaad3-122a-4278 cannot be deleted because the base connection is being used in one or more flows. Please ensure that corresponding flows are deleted before deleting a base connection.',
  ],
  [
    flowError(FLOW_ERRORS.mappingInvalid, { id: '45d90285d2d249acb87a72a2f12f7401', version: '0' }),
    '1419-400',
    'Invalid request',
    'Error while validating mapping with id 45d90285d2d249acb87a72a2f12f7401, version 0. This could be because of inadequate permissions on mapped fields. Please check your mapping or contact your admin.',
  ],
  [
    flowError(FLOW_ERRORS.actionNotAllowed, { action: 'disable', state: '{state}' }),
    '1422-400',
    'Invalid request',
    'The action disable cannot be applied on the current state {state}. Please update the action and try again.',
  ],
  [
    flowError(FLOW_ERRORS.schemaMismatch, { dataSetId: '64ef1a3c0ef', mappingSchema: '91ac5a2c0eb' }),
    '1425-400',
    'Invalid request',
    'Error while matching schema in target dataset 64ef1a3c0ef with schema in mapping 91ac5a2c0eb. Schema with same id and version must be used in both mapping and target dataset.',
  ],
  [
    flowError(FLOW_ERRORS.flowNotFound, { id: 'aa6a206f-f233-4c2d' }),
    '1430-400',
    'Invalid request',
    'Flow not found with id aa6a206f-f233-4c2d.',
  ],
  // The table says 1439-400; the documented response (EN labels.md) is FLOW-1439-404, status 404.
  [
    flowError(FLOW_ERRORS.resourceNotFound, { resource: 'flows', id: '3f4ae131-b384-4e73' }),
    '1439-404',
    'Resource not found',
    'The requested flows resource 3f4ae131-b384-4e73 is not found. Verify the resource ID before trying again.',
  ],
  [
    flowError(FLOW_ERRORS.flowIdMissing, {}),
    '1446-400',
    'Invalid request',
    'The flow ID cannot be null or empty. Please update the flow ID and try again.',
  ],
  [
    flowError(FLOW_ERRORS.activeFlowsContain, { id: 'aa6a206f-f233-4c2d' }),
    '1447-400',
    'Invalid request',
    'Found active flows containing id aa6a206f-f233-4c2d.',
  ],
  [
    flowError(FLOW_ERRORS.sandboxHeaderMissing, {}),
    '2105-400',
    'Header is missing',
    'The header x-sandbox-name is missing in the request. Please add the header in the request and try again.',
  ],
];

describe('the Flow Service error catalogue', () => {
  it.each(DOC_ROWS)('matches the docs row %#', (error, codeStatus, title, message) => {
    expect([`${error.code}-${error.status}`, error.title, error.message]).toEqual([codeStatus, title, message]);
    expect(error.errorId).toBe(`FLOW-${codeStatus}`);
  });

  it('covers every template in the catalogue', () => {
    const codes = new Set(DOC_ROWS.map(([error]) => error.code));
    expect(
      Object.values(FLOW_ERRORS)
        .map((t) => t.code)
        .filter((code) => !codes.has(code)),
    ).toEqual([]);
  });

  it('is an Error that carries details', () => {
    const error = flowError(FLOW_ERRORS.invalidPatch, { detail: 'x' }, { index: 2 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(FlowError);
    expect(error.name).toBe('FlowError');
    expect(error.details).toEqual({ index: 2 });
  });

  it('keeps its templates frozen', () => {
    expect(Object.isFrozen(FLOW_ERRORS)).toBe(true);
    expect(Object.isFrozen(FLOW_ERRORS.emptyBody)).toBe(true);
  });
});
