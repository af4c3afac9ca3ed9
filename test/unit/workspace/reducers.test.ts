import { describe, expect, it } from 'vitest';
import { createSchemaRegistry, defaultSchemaDir } from '../../../src/schema/registry.js';
import type { PipelinesEvent } from '../../../src/workspace/apply-pipelines.js';
import {
  createApplyCapture,
  workspaceReducers,
  type PipelinesArgs,
  type TrackArgs,
  type WorkspaceApplied,
} from '../../../src/workspace/reducers.js';
import { initialWorkspaces } from '../../../src/workspace/state.js';
import type { TrackOperation, WorkspacesState } from '../../../src/workspace/types.js';
import { T0, T0_ISO, type DistributiveOmit } from './helpers.js';

type Op = ['workspace.pipelines', PipelinesArgs] | ['workspace.track', TrackArgs];

const ev = (event: Record<string, unknown>) =>
  ({ timestamp: T0_ISO, messageId: `m-${JSON.stringify(event).length}`, ...event }) as PipelinesEvent;
const op = (o: DistributiveOmit<TrackOperation, 'timestamp'>) => ({ timestamp: T0, ...o }) as TrackOperation;

/** A session touching every kind of change, across two workspaces; built afresh for each use. */
const script = (): Op[] => [
  [
    'workspace.pipelines',
    { key: 'wk-a', event: ev({ type: 'track', anonymousId: 'anon', event: 'Browsed', properties: { at: T0_ISO } }) },
  ],
  [
    'workspace.pipelines',
    {
      key: 'wk-a',
      event: ev({
        type: 'identify',
        userId: 'u1',
        anonymousId: 'anon',
        traits: { email: 'J@x.co', createdAt: T0_ISO },
      }),
    },
  ],
  [
    'workspace.pipelines',
    {
      key: 'wk-a',
      event: ev({
        type: 'group',
        userId: 'u1',
        groupId: 'acme',
        traits: { name: 'Acme', relationshipAttributes: { role: 'admin' } },
      }),
    },
  ],
  [
    'workspace.pipelines',
    {
      key: 'wk-a',
      event: ev({
        type: 'track',
        userId: 'u1',
        event: 'Application Opened',
        context: { device: { token: 't1', type: 'ios' } },
      }),
    },
  ],
  [
    'workspace.pipelines',
    { key: 'wk-a', event: ev({ type: 'page', userId: 'u1', properties: { url: 'https://x.test/' } }) },
  ],
  ['workspace.pipelines', { key: 'wk-a', event: ev({ type: 'identify', userId: 'u2', traits: { plan: 'free' } }) }],
  ['workspace.pipelines', { key: 'wk-a', event: ev({ type: 'alias', userId: 'u1', previousId: 'u2' }) }],
  [
    'workspace.track',
    { key: 'wk-b', op: op({ call: 'identify', identifier: { id: 'x' }, attributes: { _update: true } }) },
  ],
  ['workspace.track', { key: 'wk-b', op: op({ call: 'identify', identifier: { id: 'x' }, attributes: { a: 1 } }) }],
  ['workspace.track', { key: 'wk-b', op: op({ call: 'suppress', identifier: { id: 'x' } }) }],
  [
    'workspace.track',
    { key: 'wk-a', op: op({ call: 'delivery_metric', delivery_id: 'd', metric: 'opened', identifier: { id: 'u1' } }) },
  ],
  [
    'workspace.track',
    { key: 'wk-a', op: op({ call: 'object_delete', object: { object_type_id: '1', object_id: 'acme' } }) },
  ],
];

function replay(ops: readonly Op[], onApplied?: (applied: WorkspaceApplied) => void): WorkspacesState {
  const state = initialWorkspaces();
  const reducers = workspaceReducers<WorkspacesState>({ maxActivities: 50, onApplied });
  for (const [name, args] of ops) (reducers[name] as (s: WorkspacesState, a: unknown) => void)(state, args);
  return state;
}

describe('workspace reducers', () => {
  it('create a workspace per key on first use', () => {
    const state = replay(script().slice(0, 1));
    expect(Object.keys(state.workspaces)).toEqual(['wk-a']);
    expect(Object.keys(replay(script()).workspaces)).toEqual(['wk-a', 'wk-b']);
  });

  it('are deterministic: the same ops give deep-equal workspaces, ids included', () => {
    const first = replay(script());
    const second = replay(script());
    expect(second).toStrictEqual(first);
    expect(Object.keys(first.workspaces['wk-a']?.people ?? {})).toEqual(['00000001']);
    expect(first.workspaces['wk-a']?.activities.map((a) => a.id)).toEqual(
      second.workspaces['wk-a']?.activities.map((a) => a.id),
    );
  });

  it('replay identically from journaled (JSON) args, and leave JSON-exact state', () => {
    const live = replay(script());
    const journaled = replay(JSON.parse(JSON.stringify(script())) as Op[]);
    expect(journaled).toStrictEqual(live);
    expect(JSON.parse(JSON.stringify(live))).toStrictEqual(live);
  });

  it('never mutate their args, which the store journals after applying them', () => {
    const frozen = deepFreeze(script());
    expect(replay(frozen)).toStrictEqual(replay(script()));
  });

  it('hand each op’s changes to onApplied; createApplyCapture keeps the latest until taken', () => {
    const capture = createApplyCapture();
    const state = initialWorkspaces();
    const reducers = workspaceReducers<WorkspacesState>({ onApplied: capture.onApplied });
    const dispatch = (name: Op[0], args: unknown) =>
      (reducers[name] as (s: WorkspacesState, a: unknown) => void)(state, args);
    dispatch('workspace.track', { key: 'k', op: op({ call: 'identify', identifier: { id: 'a' }, attributes: {} }) });
    dispatch('workspace.track', { key: 'k', op: op({ call: 'delete', identifier: { id: 'nobody' } }) });
    const taken = capture.take();
    expect(taken).toMatchObject({
      op: 'workspace.track',
      key: 'k',
      changes: [],
      problems: [{ code: 'person_not_found' }],
    });
    expect(capture.take()).toBeUndefined();
    dispatch('workspace.pipelines', { key: 'k', event: ev({ type: 'identify', userId: 'b' }) });
    expect(capture.take()?.changes.map((c) => c.kind)).toEqual(['person.created', 'activity']);
  });

  it('produce state and changes that match their schemas', () => {
    const registry = createSchemaRegistry(defaultSchemaDir());
    const all: WorkspaceApplied[] = [];
    const state = replay(script(), (applied) => all.push(applied));
    expect(registry.validate('workspace/workspaces', state)).toEqual([]);
    const changes = all.flatMap((applied) => applied.changes);
    expect(new Set(changes.map((c) => c.kind)).size).toBeGreaterThan(10);
    for (const change of changes) expect(registry.validate('workspace/change', change)).toEqual([]);
    for (const problem of all.flatMap((applied) => applied.problems))
      expect(registry.validate('workspace/problem', problem)).toEqual([]);
    for (const [, args] of script())
      if ('op' in args) expect(registry.validate('workspace/track-operation', args.op)).toEqual([]);
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
