import { EmulatorError } from '../http/errors.js';

/** The documented 400 body: `{"meta":{"errors":["…"]}}` [spec components.responses.400]. */
export function pipelinesError(status: number, errors: readonly string[]): EmulatorError {
  return new EmulatorError(status, { meta: { errors } });
}

/**
 * The spec documents 401 without a body; the 400 envelope is reused so a client that logs
 * bodies sees why.
 */
export function unauthorized(): EmulatorError {
  return pipelinesError(401, ['Unauthorized request. Make sure that you provided the right credentials.']);
}

/**
 * A body that cannot be read at all (too large to buffer, bad gzip, not JSON). Customer.io
 * does not document this; Segment, whose API it mirrors, answers 400 for "errors caused by
 * large payloads and JSON errors" even when it answers 200 for everything else (reference §5,
 * Silent acceptance), so both modes answer 400.
 */
export function unreadableBody(_status: number, message: string): EmulatorError {
  return pipelinesError(400, [message]);
}
