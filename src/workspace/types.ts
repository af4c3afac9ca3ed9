import type {
  Activity,
  Person,
  PersonDevice,
  PersonIdentifiers,
  Relationship,
  Workspace,
  WorkspaceObject,
} from '../generated/workspace/workspace.js';
import type { WorkspaceChange } from '../generated/workspace/change.js';
import type { WorkspaceProblem } from '../generated/workspace/problem.js';
import type { ObjectRef, PersonRef, TrackOperation } from '../generated/workspace/track-operation.js';
import type { WorkspacesState } from '../generated/workspace/workspaces.js';

export type {
  Activity,
  ObjectRef,
  Person,
  PersonDevice,
  PersonIdentifiers,
  PersonRef,
  Relationship,
  TrackOperation,
  Workspace,
  WorkspaceChange,
  WorkspaceObject,
  WorkspaceProblem,
  WorkspacesState,
};

export type ProblemCode = WorkspaceProblem['code'];
export type Attributes = Record<string, unknown>;

/** What one operation did: every change, in order, and why it did less than asked. */
export type ApplyResult = { changes: WorkspaceChange[]; problems: WorkspaceProblem[] };

export type ApplyOptions = {
  /** The activity log keeps the newest this many entries. */
  maxActivities: number;
};

export const DEFAULT_MAX_ACTIVITIES = 1000;
