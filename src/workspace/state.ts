import type { Workspace, WorkspacesState } from './types.js';

export function emptyWorkspace(): Workspace {
  return {
    counters: { people: 0, objects: 0, activities: 0 },
    people: {},
    index: { id: {}, email: {}, anonymous_id: {}, device: {} },
    suppressed: { id: {}, email: {} },
    objects: {},
    relationships: [],
    activities: [],
  };
}

/** Every Customer.io workspace of a fresh emulator: none until the first event names one. */
export function initialWorkspaces(): WorkspacesState {
  return { workspaces: {} };
}
