import type { Workspace } from './types.js';

// Ids come from the workspace's own counters so that replaying the journal rebuilds the same
// workspace, ids included (DESIGN.md, State and durability): no clock, no randomness.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new person's cio_id: 8 hex digits, like the App API's examples ("03000001"). */
export function nextCioId(workspace: Workspace): string {
  workspace.counters.people += 1;
  return workspace.counters.people.toString(16).padStart(8, '0');
}

/** A new object's cio_object_id, shaped like the App API's examples ("ob020101"). */
export function nextCioObjectId(workspace: Workspace): string {
  workspace.counters.objects += 1;
  return `ob${workspace.counters.objects.toString(16).padStart(8, '0')}`;
}

/** The next activity seq and an id for it: a ULID (as Customer.io's activity ids are) built from
 * the activity's own time and the seq, so it sorts by time and never repeats. */
export function nextActivityId(workspace: Workspace, timestamp: number): { seq: number; id: string } {
  workspace.counters.activities += 1;
  const seq = workspace.counters.activities;
  return { seq, id: base32(Math.max(0, timestamp) * 1000, 10) + base32(seq, 16) };
}

function base32(value: number, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i += 1) {
    out = CROCKFORD.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}
