import { EmulatorError, type WireErrorRenderer } from '../http/errors.js';
import type { Problem } from '../schema/registry.js';

// The Track API's error bodies. The spec gives three envelopes, per operation:
// - v1 (components.responses.400, used by events, anonymous events, devices; delete_device
//   inline): {"meta":{"errors":["…"]}}. customerio-node#29 quotes the same shape from a live
//   identify 400 ("value for attribute 'myAttribute' cannot be longer than 1000 bytes").
// - POST /api/v1/merge_customers (its own 400): {"meta":{"error":"…"}}, the shape the docs'
//   "Invalid API Requests" page shows too.
// - v2 /entity and /batch (components.schemas.errors): {"errors":[{reason, field, message}]};
//   /batch answers 207 with `batch_index` added for the items it refused.
// The spec documents 401 without a body ("Unauthorized request. Make sure that you provided the
// right credentials."); each path's envelope carries that sentence so a client shows why.

export const UNAUTHORIZED = 'Unauthorized request. Make sure that you provided the right credentials.';

/** v1: `{"meta":{"errors":[…]}}`. */
export const v1Error: WireErrorRenderer = (status, message) =>
  new EmulatorError(status, { meta: { errors: [message] } });

export function v1Errors(messages: readonly string[]): EmulatorError {
  return new EmulatorError(400, { meta: { errors: messages } });
}

/** POST /api/v1/merge_customers: `{"meta":{"error":"…"}}`. */
export const mergeError: WireErrorRenderer = (status, message) =>
  new EmulatorError(status, { meta: { error: message } });

export type V2Error = { reason: string; field: string; message: string };

/** v2: `{"errors":[{reason, field, message}]}`. */
export const v2Error: WireErrorRenderer = (status, message) =>
  new EmulatorError(status, { errors: [{ reason: status === 401 ? 'unauthorized' : 'invalid', field: '', message }] });

export function v2Errors(errors: readonly V2Error[]): EmulatorError {
  return new EmulatorError(400, { errors });
}

/**
 * Schema problems as v2 errors: `field` is the problem's path in dotted form ("device.token"),
 * `reason` "invalid" (the spec documents the fields, not the reasons' values).
 */
export function v2ErrorsOf(problems: readonly Problem[]): V2Error[] {
  return problems.map((p) => ({ reason: 'invalid', field: p.path.slice(1).replaceAll('/', '.'), message: p.message }));
}
