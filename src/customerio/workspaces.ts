import type { EventDraft, Journal } from '../journal/journal.js';
import type { EmulatorState } from '../journal/state.js';
import type { Store } from '../store/store.js';
import type { TrackOperation, Workspace, WorkspaceApplied, WorkspaceChange } from '../workspace/index.js';
import type { WorkspaceKeyOf } from './keys.js';

/**
 * The Customer.io workspaces as the APIs use them: Track API operations dispatched as journaled
 * ops, reads for the App API, and every change made (by those ops or by Data Pipelines events)
 * journaled as a record with api "workspace", so a test can await "person X now has attribute
 * Y" like any event. Activity entries are left out of those records: the event that caused
 * them is already journaled, and they are in the App API's /activities.
 */
export class Workspaces {
  readonly keyOf: WorkspaceKeyOf;
  #store: Store<EmulatorState> | undefined;
  #journal: Journal | undefined;
  readonly #clock: () => Date;
  #pending: WorkspaceApplied[] = [];

  constructor(keyOf: WorkspaceKeyOf, clock: () => Date) {
    this.keyOf = keyOf;
    this.#clock = clock;
  }

  /** Given to the state reducers: collects what each workspace op did, replay included. */
  readonly onApplied = (applied: WorkspaceApplied): void => {
    this.#pending.push(applied);
  };

  /** Attaches the store and journal once loaded; what the start-up replay did is not news. */
  attach(store: Store<EmulatorState>, journal: Journal): void {
    this.#store = store;
    this.#journal = journal;
    this.#pending = [];
  }

  /** Journals the changes collected since the last call. */
  publish(): void {
    const applied = this.#pending;
    this.#pending = [];
    if (!this.#journal || applied.length === 0) return;
    const receivedAt = this.#clock().toISOString();
    const drafts = applied.flatMap(({ key, changes, problems }): EventDraft[] => [
      ...changes
        .filter((change) => change.kind !== 'activity')
        .map((change) => record(receivedAt, key, change.kind, change, [])),
      ...(problems.length
        ? [
            record(
              receivedAt,
              key,
              'problem',
              { problems },
              problems.map((p) => ({ path: p.path, message: p.message })),
            ),
          ]
        : []),
    ]);
    this.#journal.append(drafts);
  }

  /** Runs a Track API operation on the workspace and journals what it changed. */
  applyTrack(key: string, op: TrackOperation): WorkspaceApplied {
    this.#store!.dispatch('workspace.track', { key, op });
    const applied = this.#pending.at(-1) ?? { op: 'workspace.track' as const, key, changes: [], problems: [] };
    this.publish();
    return applied;
  }

  /** Reads a workspace (undefined when nothing ever wrote to it) without keeping a reference. */
  read<T>(key: string, fn: (workspace: Workspace | undefined) => T): T {
    return this.#store!.read((state) =>
      fn(Object.hasOwn(state.workspaces ?? {}, key) ? state.workspaces![key] : undefined),
    );
  }
}

function record(
  receivedAt: string,
  workspace: string,
  type: string,
  payload: WorkspaceChange | { problems: unknown },
  errors: EventDraft['errors'],
): EventDraft {
  return { receivedAt, api: 'workspace', type, valid: errors.length === 0, errors, workspace, payload };
}
