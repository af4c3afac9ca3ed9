// PATCH bodies for connections, source and target connections and flows: RFC 6902 JSON Patch
// (reference/adobe-aep.md §3.3). Adobe supports add, replace and remove: the spec's PatchInstruction
// enum is ADD/REPLACE/REMOVE while every doc example writes "replace", so the op is read in any
// case. move, copy and test are refused with 1434, whose documented example is "Unsupported
// operation 'move' received" (EN help/sources/errors/flow-service-errors.md).
import jsonpatch from 'fast-json-patch';
import { fail, FLOW_ERRORS, flowError, ok, type FlowError, type FlowResult } from '../errors.js';

export type PatchOperation =
  | { readonly op: 'add' | 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string };

/**
 * Top-level fields a PATCH may not touch. Adobe documents only connectionSpec (1414); the others
 * are set by the service: identity and audit fields, the etag and its copy `version`, flowSpec
 * like connectionSpec, and the fields Flow Service computes. `state` changes through
 * `POST /flows/{id}/action?op=ENABLE|DISABLE`, and 1410 refuses it even on create (inference).
 */
export const DEFAULT_READ_ONLY_FIELDS: readonly string[] = Object.freeze([
  'id',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'createdClient',
  'updatedClient',
  'sandboxId',
  'sandboxName',
  'imsOrgId',
  'etag',
  'version',
  'state',
  'connectionSpec',
  'flowSpec',
  'inheritedAttributes',
  'lastOperation',
  'lastRunDetails',
  'runs',
]);

export type PatchOptions = { readonly readOnlyFields?: readonly string[] };

const SUPPORTED = new Set(['add', 'replace', 'remove']);

/**
 * Checks a PATCH body and returns its operations with lower-case ops. A single operation object
 * is accepted as a one-item list: the spec's connections PATCH declares the body as one
 * PatchInstruction, the other PATCHes as an array of them.
 */
export function parsePatchBody(body: unknown, options: PatchOptions = {}): FlowResult<PatchOperation[]> {
  if (isEmptyBody(body)) return fail(flowError(FLOW_ERRORS.emptyBody, {}));
  if (typeof body !== 'object' || body === null) return invalid('the body must be an array of operations');
  const list: unknown[] = Array.isArray(body) ? body : [body];
  const readOnly = options.readOnlyFields ?? DEFAULT_READ_ONLY_FIELDS;
  const operations: PatchOperation[] = [];
  for (const [index, item] of list.entries()) {
    const parsed = parseOperation(item, index, readOnly);
    if (parsed instanceof Error) return fail(parsed);
    operations.push(parsed);
  }
  return ok(operations);
}

/**
 * Applies a PATCH body to a deep copy of `entity`; the input is never changed. Returns the new
 * entity and the normalised operations (Flow Service echoes them in `lastOperation.ops`). The
 * result is typed as the input; the caller validates it against the entity's schema.
 */
export function applyFlowPatch<T extends object>(
  entity: T,
  body: unknown,
  options: PatchOptions = {},
): FlowResult<{ entity: T; operations: PatchOperation[] }> {
  const operations = parsePatchBody(body, options);
  if (!operations.ok) return operations;
  let document = structuredClone(entity);
  // One operation at a time: the library reports index 0 for every validation failure.
  for (const [index, operation] of operations.value.entries()) {
    try {
      document = jsonpatch.applyOperation(document, operation, true, true, true, index).newDocument;
    } catch (error) {
      if (error instanceof jsonpatch.JsonPatchError) return fail(fromLibraryError(error, index));
      throw error;
    }
  }
  return ok({ entity: document, operations: operations.value });
}

function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return true;
  if (Array.isArray(body)) return body.length === 0;
  return typeof body === 'object' && Object.keys(body).length === 0;
}

function parseOperation(item: unknown, index: number, readOnly: readonly string[]): PatchOperation | FlowError {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return patchError(`operation ${index} is not an object`, index);
  }
  const { op, path, value } = item as { op?: unknown; path?: unknown; value?: unknown };
  if (op === undefined) return patchError('Missing field "op"', index);
  if (typeof op !== 'string') return patchError('Invalid field "op": it must be a string', index);
  const name = op.toLowerCase();
  if (!SUPPORTED.has(name)) return flowError(FLOW_ERRORS.unsupportedPatchOperation, { op }, { index });
  if (path === undefined) return patchError('Missing field "path"', index);
  // The root pointer "" would replace the entity wholesale, read-only fields included.
  if (typeof path !== 'string' || !path.startsWith('/')) {
    return patchError('Invalid field "path": it must be a JSON Pointer such as "/name"', index);
  }
  const segments = path.slice(1).split('/').map(jsonpatch.unescapePathComponent);
  // fast-json-patch throws a TypeError for these; refuse them as a bad path instead.
  if (segments.some((key, i) => key === '__proto__' || (key === 'prototype' && segments[i - 1] === 'constructor'))) {
    return patchError(`Invalid field "path": "${path}" is not allowed`, index);
  }
  const field = segments[0] ?? '';
  if (field === 'connectionSpec') return flowError(FLOW_ERRORS.connectionSpecImmutable, {}, { index, path });
  if (readOnly.includes(field)) return patchError(`Field "${field}" cannot be updated`, index);
  if (name === 'remove') return { op: name, path };
  if (value === undefined) return patchError('Missing field "value"', index);
  return { op: name === 'add' ? 'add' : 'replace', path, value };
}

function invalid(detail: string): FlowResult<never> {
  return fail(flowError(FLOW_ERRORS.invalidPatch, { detail }));
}

function patchError(detail: string, index: number): FlowError {
  return flowError(FLOW_ERRORS.invalidPatch, { detail }, { index });
}

// Adobe's one example of 1455 is `Missing field "keyWhichDoesNotExist"`: a replace or remove on
// a path the entity does not have.
function fromLibraryError(error: InstanceType<typeof jsonpatch.JsonPatchError>, index: number): FlowError {
  const operation: unknown = error.operation;
  const pointer = typeof operation === 'object' && operation !== null ? (operation as { path?: unknown }).path : '';
  const path = typeof pointer === 'string' ? pointer : '';
  switch (error.name) {
    case 'OPERATION_PATH_UNRESOLVABLE':
      return patchError(`Missing field "${path.slice(1)}"`, index);
    case 'OPERATION_PATH_CANNOT_ADD':
      return patchError(`Cannot add "${path}": its parent does not exist`, index);
    case 'OPERATION_PATH_ILLEGAL_ARRAY_INDEX':
    case 'OPERATION_VALUE_OUT_OF_BOUNDS':
      return patchError(`Invalid array index in "${path}"`, index);
    default:
      return patchError(error.message.split('\n')[0] ?? error.name, index);
  }
}
