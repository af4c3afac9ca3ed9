import type { ErrorObject } from 'ajv';
import { EmulatorError } from '../../http/errors.js';
import { DCS_INLET_PROBLEM } from '../wire.js';
import type { MessageOutcome } from './service.js';

/** "Validation stops after 5 errors" (reference §5, sync validation). */
const MAX_VIOLATIONS = 5;

/**
 * The 400 that `syncValidation=true` answers for an invalid message: DCS's problem with the
 * violations in `report.cause._streamingValidation`, worded as DCS's validator words them.
 */
export function streamingValidation(
  prefix: string,
  outcome: Extract<MessageOutcome, { kind: 'accepted' }>,
): EmulatorError {
  // Without schema violations the record failed for another reason (no dataset, no schema).
  const exceptions = outcome.violations.length
    ? outcome.violations.slice(0, MAX_VIOLATIONS).map(causingException)
    : outcome.record.errors.slice(0, MAX_VIOLATIONS).map((e) => ({
        schemaLocation: '#',
        pointerToViolation: `#${e.path}`,
        causingExceptions: [],
        message: e.message,
      }));
  const found = outcome.violations.length || exceptions.length;
  return new EmulatorError(400, {
    type: DCS_INLET_PROBLEM,
    status: 400,
    title: 'Invalid XDM Message Format',
    report: {
      message: `${prefix} Message is invalid`,
      cause: {
        _streamingValidation: [
          {
            schemaLocation: '#',
            pointerToViolation: '#',
            causingExceptions: exceptions,
            message: `${found} schema violation${found === 1 ? '' : 's'} found`,
          },
        ],
      },
    },
  });
}

function causingException(error: ErrorObject): Record<string, unknown> {
  return {
    schemaLocation: error.schemaPath,
    pointerToViolation: `#${error.instancePath}`,
    causingExceptions: [],
    keyword: error.keyword,
    message: messageOf(error),
  };
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties')
    return `extraneous key [${String(params.additionalProperty)}] is not permitted`;
  if (error.keyword === 'required') return `required key [${String(params.missingProperty)}] not found`;
  if (error.keyword === 'type')
    return `expected type: ${String(params.type)}, found: ${error.data === null ? 'null' : typeof error.data}`;
  return error.message ?? 'is invalid';
}
