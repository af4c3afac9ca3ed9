import { nextActivityId } from './ids.js';
import { forgetActivity, rememberActivity } from './activity-index.js';
import type {
  Activity,
  ApplyOptions,
  ApplyResult,
  Person,
  PersonIdentifiers,
  ProblemCode,
  Workspace,
  WorkspaceChange,
} from './types.js';

/** The App API's customer_identifiers of a person. */
export function identifiersOf(person: Person): PersonIdentifiers {
  return { id: person.id ?? null, email: person.email ?? null, cio_id: person.cio_id };
}

export type ActivityInput = Omit<Activity, 'id' | 'seq' | 'cio_id' | 'customer_identifiers'> & {
  id?: string;
  person?: Person;
};

/**
 * One operation in progress: the workspace it changes, the time it happened (Unix seconds,
 * from the operation itself so that replay needs no clock) and what it has done so far.
 */
export class Apply {
  readonly changes: WorkspaceChange[] = [];
  readonly problems: ApplyResult['problems'] = [];

  constructor(
    readonly workspace: Workspace,
    readonly timestamp: number,
    readonly options: ApplyOptions,
  ) {}

  change(change: WorkspaceChange): void {
    this.changes.push(change);
  }

  problem(code: ProblemCode, message: string, path = ''): void {
    this.problems.push({ path, code, message });
  }

  /**
   * Appends to the activity log, dropping the oldest entries beyond the bound. Runs once per
   * event: no rest destructuring or cloning here, both several times slower in V8.
   */
  activity(input: ActivityInput): Activity {
    const next = nextActivityId(this.workspace, input.timestamp);
    // JSON (and so the journal) would drop undefined members; leave them out here already.
    const fields: Record<string, unknown> = {};
    for (const key in input) {
      const value = input[key as keyof ActivityInput];
      if (key !== 'person' && key !== 'id' && value !== undefined) fields[key] = value;
    }
    fields.id = input.id ?? next.id;
    fields.seq = next.seq;
    fields.cio_id = input.person?.cio_id ?? null;
    fields.customer_identifiers = input.person ? identifiersOf(input.person) : null;
    const activity = fields as unknown as Activity;
    const log = this.workspace.activities;
    log.push(activity);
    rememberActivity(this.workspace, activity.id);
    // shift() drops the head in place; splice(0, n) moves the whole log (~20x slower per event).
    while (log.length > this.options.maxActivities) forgetActivity(this.workspace, log.shift()!.id);
    // Changes are read, never kept and changed, so the logged activity itself is handed out.
    this.change({ kind: 'activity', activity });
    return activity;
  }

  result(): ApplyResult {
    return { changes: this.changes, problems: this.problems };
  }
}
