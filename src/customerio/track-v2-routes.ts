import type { SchemaRegistry } from '../schema/registry.js';
import { byteSize, MAX_BATCH_BYTES } from './track-limits.js';
import { checkEntity } from './track-v2.js';
import { v2Errors, v2ErrorsOf, type V2Error } from './track-wire.js';
import type { Workspaces } from './workspaces.js';

export type V2Context = { schemas: SchemaRegistry; workspaces: Workspaces; key: string; now: number };

/** POST /api/v2/entity: one operation, applied, or a 400 `{"errors":[…]}`. */
export function applyEntity(context: V2Context, body: unknown): void {
  const checked = checkEntity(context.schemas, body, context.now);
  if (checked.errors) throw v2Errors(checked.errors);
  context.workspaces.applyTrack(context.key, checked.op);
}

/**
 * POST /api/v2/batch: every valid item applied in order; the refused ones come back with their
 * `batch_index` for the 207 ("all other requests are accepted", track-spec batch). A body that is
 * not a batch at all, or over 500kb, is a 400.
 */
export function applyBatch(context: V2Context, body: unknown): (V2Error & { batch_index: number })[] {
  const problems = context.schemas.validate('customerio/track-batch', body);
  if (problems.length) throw v2Errors(v2ErrorsOf(problems));
  if (byteSize(body) > MAX_BATCH_BYTES)
    throw v2Errors([{ reason: 'too_large', field: 'batch', message: 'batch request must be smaller than 500kb' }]);
  const refused: (V2Error & { batch_index: number })[] = [];
  (body as { batch: unknown[] }).batch.forEach((item, batch_index) => {
    const checked = checkEntity(context.schemas, item, context.now);
    if (checked.errors) refused.push(...checked.errors.map((error) => ({ batch_index, ...error })));
    else context.workspaces.applyTrack(context.key, checked.op);
  });
  return refused;
}
