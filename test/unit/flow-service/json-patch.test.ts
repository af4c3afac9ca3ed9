import { describe, expect, it } from 'vitest';
import { applyFlowPatch, parsePatchBody } from '../../../src/aep/flow-service/query/index.js';

const flow = () => ({
  id: 'f1',
  name: 'Flow',
  description: 'old',
  etag: '"00000001-0000-0200-0000-000000000000"',
  connectionSpec: { id: 'c1', version: '1.0' },
  scheduleParams: { frequency: 'week', interval: '15' },
  transformations: [{ name: 'Mapping', params: { mappingId: 'm1', mappingVersion: 0 } }],
});

function patched(body: unknown, entity: object = flow()): unknown {
  const result = applyFlowPatch(entity, body);
  if (!result.ok) throw new Error(`expected the patch to apply, got ${result.error.message}`);
  return result.value.entity;
}

describe('JSON Patch: applying', () => {
  const rows: [string, unknown, (f: ReturnType<typeof flow>) => unknown][] = [
    ['replace a top-level field', [{ op: 'replace', path: '/name', value: 'New' }], (f) => ({ ...f, name: 'New' })],
    [
      'replace a nested field (update-dataflows.md)',
      [{ op: 'replace', path: '/scheduleParams/frequency', value: 'day' }],
      (f) => ({ ...f, scheduleParams: { ...f.scheduleParams, frequency: 'day' } }),
    ],
    [
      'replace an array item (the mapping example)',
      [
        {
          op: 'replace',
          path: '/transformations/0',
          value: { name: 'Mapping', params: { mappingId: 'm2', mappingVersion: 2 } },
        },
      ],
      (f) => ({ ...f, transformations: [{ name: 'Mapping', params: { mappingId: 'm2', mappingVersion: 2 } }] }),
    ],
    ['add a new field', [{ op: 'add', path: '/providerRefId', value: 'p' }], (f) => ({ ...f, providerRefId: 'p' })],
    [
      'add to the end of an array',
      [{ op: 'add', path: '/transformations/-', value: { name: 'Copy' } }],
      (f) => ({ ...f, transformations: [...f.transformations, { name: 'Copy' }] }),
    ],
    ['remove a field', [{ op: 'remove', path: '/description' }], ({ description: _d, ...rest }) => rest],
    [
      'upper-case ops, as in the spec enum',
      [{ op: 'REPLACE', path: '/name', value: 'Up' }],
      (f) => ({ ...f, name: 'Up' }),
    ],
    ['mixed-case ops', [{ op: 'Remove', path: '/description' }], ({ description: _d, ...rest }) => rest],
    ['a single operation object', { op: 'replace', path: '/name', value: 'One' }, (f) => ({ ...f, name: 'One' })],
    [
      'several operations in order',
      [
        { op: 'add', path: '/tags', value: [] },
        { op: 'add', path: '/tags/0', value: 'x' },
        { op: 'replace', path: '/name', value: 'Two' },
      ],
      (f) => ({ ...f, tags: ['x'], name: 'Two' }),
    ],
  ];

  it.each(rows)('%s', (_label, body, expected) => {
    expect(patched(body)).toEqual(expected(flow()));
  });

  it('works on a copy and leaves the stored entity alone', () => {
    const original = flow();
    patched([{ op: 'replace', path: '/scheduleParams/frequency', value: 'day' }], original);
    expect(original).toEqual(flow());
  });

  it('returns the operations with lower-case ops, for lastOperation.ops', () => {
    const result = applyFlowPatch(flow(), [
      { op: 'REPLACE', path: '/name', value: 'x', extra: true },
      { op: 'Remove', path: '/description', value: 'ignored' },
    ]);
    expect(result.ok && result.value.operations).toEqual([
      { op: 'replace', path: '/name', value: 'x' },
      { op: 'remove', path: '/description' },
    ]);
  });
});

describe('JSON Patch: errors in Adobe words', () => {
  const EMPTY = 'The request body cannot be null or empty. Please provide a request body and try again.';
  const PREFIX = 'An error has occurred while validating patch instructions: ';
  const rows: [string, unknown, number, string][] = [
    ['no body', undefined, 1405, EMPTY],
    ['null body', null, 1405, EMPTY],
    ['empty string body', '', 1405, EMPTY],
    ['empty array', [], 1405, EMPTY],
    ['empty object', {}, 1405, EMPTY],
    [
      'move',
      [{ op: 'move', from: '/name', path: '/title' }],
      1434,
      "Unsupported operation 'move' received. Please use one of the supported operation types and try again.",
    ],
    [
      'copy',
      [{ op: 'copy', from: '/name', path: '/title' }],
      1434,
      "Unsupported operation 'copy' received. Please use one of the supported operation types and try again.",
    ],
    [
      'test',
      [{ op: 'test', path: '/name', value: 'Flow' }],
      1434,
      "Unsupported operation 'test' received. Please use one of the supported operation types and try again.",
    ],
    [
      'an unknown op keeps its spelling',
      [{ op: 'Merge', path: '/name', value: 1 }],
      1434,
      "Unsupported operation 'Merge' received. Please use one of the supported operation types and try again.",
    ],
    [
      'connectionSpec',
      [{ op: 'replace', path: '/connectionSpec/id', value: 'c2' }],
      1414,
      'The connection spec of a connection cannot be updated.',
    ],
    [
      'connectionSpec removed',
      [{ op: 'remove', path: '/connectionSpec' }],
      1414,
      'The connection spec of a connection cannot be updated.',
    ],
    ['id', [{ op: 'replace', path: '/id', value: 'x' }], 1455, `${PREFIX}Field "id" cannot be updated`],
    [
      'createdAt',
      [{ op: 'replace', path: '/createdAt', value: 1 }],
      1455,
      `${PREFIX}Field "createdAt" cannot be updated`,
    ],
    [
      'createdBy',
      [{ op: 'add', path: '/createdBy', value: 'me' }],
      1455,
      `${PREFIX}Field "createdBy" cannot be updated`,
    ],
    ['etag', [{ op: 'replace', path: '/etag', value: '"x"' }], 1455, `${PREFIX}Field "etag" cannot be updated`],
    ['version', [{ op: 'remove', path: '/version' }], 1455, `${PREFIX}Field "version" cannot be updated`],
    ['state', [{ op: 'replace', path: '/state', value: 'disabled' }], 1455, `${PREFIX}Field "state" cannot be updated`],
    [
      'flowSpec',
      [{ op: 'replace', path: '/flowSpec/id', value: 'x' }],
      1455,
      `${PREFIX}Field "flowSpec" cannot be updated`,
    ],
    [
      'a read-only field after a good operation',
      [
        { op: 'replace', path: '/name', value: 'x' },
        { op: 'replace', path: '/id', value: 'x' },
      ],
      1455,
      `${PREFIX}Field "id" cannot be updated`,
    ],
    [
      'a missing field (the documented example)',
      [{ op: 'replace', path: '/keyWhichDoesNotExist', value: 1 }],
      1455,
      `${PREFIX}Missing field "keyWhichDoesNotExist"`,
    ],
    ['removing a missing field', [{ op: 'remove', path: '/nope' }], 1455, `${PREFIX}Missing field "nope"`],
    [
      'adding under a missing parent',
      [{ op: 'add', path: '/a/b', value: 1 }],
      1455,
      `${PREFIX}Cannot add "/a/b": its parent does not exist`,
    ],
    [
      'an array index out of range',
      [{ op: 'add', path: '/transformations/5', value: 1 }],
      1455,
      `${PREFIX}Invalid array index in "/transformations/5"`,
    ],
    ['no op', [{ path: '/name', value: 'x' }], 1455, `${PREFIX}Missing field "op"`],
    [
      'a non-string op',
      [{ op: 1, path: '/name', value: 'x' }],
      1455,
      `${PREFIX}Invalid field "op": it must be a string`,
    ],
    ['no path', [{ op: 'replace', value: 'x' }], 1455, `${PREFIX}Missing field "path"`],
    [
      'a path that is not a pointer',
      [{ op: 'replace', path: 'name', value: 'x' }],
      1455,
      `${PREFIX}Invalid field "path": it must be a JSON Pointer such as "/name"`,
    ],
    [
      'the root pointer',
      [{ op: 'replace', path: '', value: {} }],
      1455,
      `${PREFIX}Invalid field "path": it must be a JSON Pointer such as "/name"`,
    ],
    ['no value on replace', [{ op: 'replace', path: '/name' }], 1455, `${PREFIX}Missing field "value"`],
    ['no value on add', [{ op: 'add', path: '/x' }], 1455, `${PREFIX}Missing field "value"`],
    ['an operation that is not an object', ['replace'], 1455, `${PREFIX}operation 0 is not an object`],
    ['a body that is not a list', 42, 1455, `${PREFIX}the body must be an array of operations`],
  ];

  it.each(rows)('%s', (_label, body, code, message) => {
    const result = applyFlowPatch(flow(), body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect({ code: result.error.code, status: result.error.status, message: result.error.message }).toEqual({
      code,
      status: 400,
      message,
    });
  });

  it('says which operation failed', () => {
    const result = parsePatchBody([
      { op: 'replace', path: '/name', value: 'x' },
      { op: 'replace', path: '/id', value: 1 },
    ]);
    expect(result.ok ? undefined : result.error.details).toEqual({ index: 1 });
  });

  it('says which operation the entity could not take', () => {
    const result = applyFlowPatch(flow(), [
      { op: 'replace', path: '/name', value: 'x' },
      { op: 'remove', path: '/description' },
      { op: 'remove', path: '/description' },
    ]);
    expect(result.ok ? undefined : result.error.details).toEqual({ index: 2 });
  });

  it('lets the caller choose the read-only fields', () => {
    const result = applyFlowPatch(flow(), [{ op: 'replace', path: '/name', value: 'x' }], { readOnlyFields: ['name'] });
    expect(result.ok ? 'ok' : result.error.message).toBe(
      'An error has occurred while validating patch instructions: Field "name" cannot be updated',
    );
    const allowed = applyFlowPatch(flow(), [{ op: 'replace', path: '/id', value: 'f9' }], { readOnlyFields: [] });
    expect(allowed.ok && allowed.value.entity.id).toBe('f9');
  });

  it('refuses a read-only field written with JSON Pointer escapes', () => {
    const result = applyFlowPatch({ 'a/b': 1 }, [{ op: 'remove', path: '/a~1b' }], { readOnlyFields: ['a/b'] });
    expect(result.ok ? 'ok' : result.error.code).toBe(1455);
  });

  it.each(['/__proto__/polluted', '/transformations/0/__proto__/polluted', '/constructor/prototype/polluted'])(
    'refuses the prototype path %s as a bad path',
    (path) => {
      const result = applyFlowPatch(flow(), [{ op: 'add', path, value: true }]);
      expect(result.ok ? 'ok' : result.error.message).toBe(
        `An error has occurred while validating patch instructions: Invalid field "path": "${path}" is not allowed`,
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
