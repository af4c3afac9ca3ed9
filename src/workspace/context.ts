import { nextActivityId } from './ids.js';
import { compact } from './values.js';
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

  /** Appends to the activity log, dropping the oldest entries beyond the bound. */
  activity({ person, id, ...fields }: ActivityInput): Activity {
    const next = nextActivityId(this.workspace, fields.timestamp);
    const activity: Activity = {
      ...compact(fields),
      id: id ?? next.id,
      seq: next.seq,
      cio_id: person?.cio_id ?? null,
      customer_identifiers: person ? identifiersOf(person) : null,
    };
    const log = this.workspace.activities;
    log.push(activity);
    if (log.length > this.options.maxActivities) log.splice(0, log.length - this.options.maxActivities);
    this.change({ kind: 'activity', activity: structuredClone(activity) });
    return activity;
  }

  result(): ApplyResult {
    return { changes: this.changes, problems: this.problems };
  }
}
