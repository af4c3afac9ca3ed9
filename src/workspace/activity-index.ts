import type { Workspace } from './types.js';

/**
 * The ids in each workspace's activity log, for the duplicate check every event makes (the
 * Track API drops an event whose `id` was already seen). Derived from the log, never stored:
 * built on first use for a log array (after a load, an import, a reset or a person's deletion
 * the array is a new one) and kept in step by the code that appends to and trims the log.
 */
const indexes = new WeakMap<Workspace['activities'], Set<string>>();

export function hasActivity(workspace: Workspace, id: string): boolean {
  let ids = indexes.get(workspace.activities);
  if (!ids) {
    ids = new Set(workspace.activities.map((activity) => activity.id));
    indexes.set(workspace.activities, ids);
  }
  return ids.has(id);
}

export function rememberActivity(workspace: Workspace, id: string): void {
  indexes.get(workspace.activities)?.add(id);
}

export function forgetActivity(workspace: Workspace, id: string): void {
  indexes.get(workspace.activities)?.delete(id);
}
