import { randomUUID } from 'node:crypto';
import { EmulatorError } from '../http/errors.js';
import type { FlowError } from './flow-service/errors.js';

/**
 * Adobe's error envelopes, one per service (reference §7). Every one of them is rendered
 * here so that routes never build error bodies by hand.
 */

/** Platform gateway header errors: `{"error_code":"403010","message":"Oauth token is missing."}`. */
export function gatewayError(status: number, errorCode: string, message: string): EmulatorError {
  return new EmulatorError(status, { error_code: errorCode, message });
}

/** Missing or non-JSON Content-Type on a write, as the gateway answers it (reference §7). */
export function contentTypeError(): EmulatorError {
  return new EmulatorError(400, {
    type: '/placeholder/type/uri',
    status: 400,
    title: 'BadRequestError',
    detail: 'A valid content-type must be specified',
  });
}

/**
 * Flow Service problem body: `type` ends in FLOW-<code>-<status>, and the same sentence
 * is repeated in report.detailed-message, errorMessage and errorDetails (EN labels.md).
 */
export function renderFlowError(error: FlowError, report: Readonly<Record<string, unknown>> = {}): EmulatorError {
  return new EmulatorError(
    error.status,
    {
      type: `https://ns.adobe.com/aep/errors/${error.errorId}`,
      title: error.title,
      status: error.status,
      report: { 'detailed-message': error.message, ...report, 'request-id': randomUUID() },
      errorMessage: error.message,
      errorDetails: error.details === undefined ? error.message : error.details,
    },
    {},
    'application/problem+json',
  );
}

/** Schema Registry problem body (spec definitions.errorBasic / notFoundError). */
export function xdmError(code: number, status: number, title: string, message: string): EmulatorError {
  return new EmulatorError(
    status,
    {
      type: `http://ns.adobe.com/aep/errors/XDM-${code}-${status}`,
      title,
      status,
      report: {
        registryRequestId: randomUUID(),
        timestamp: registryTimestamp(new Date()),
        'detailed-message': message,
        'sub-errors': [],
      },
      detail: message,
    },
    {},
    'application/problem+json',
  );
}

/**
 * Catalog and Data Prep document no error body (reference §11); the emulator answers in the
 * Platform's problem shape with the service's name in its type, so clients at least get a
 * status, a title and a reason.
 */
export function serviceError(
  service: 'catalog' | 'data-prep',
  status: number,
  title: string,
  detail: string,
): EmulatorError {
  return new EmulatorError(
    status,
    { type: `http://ns.adobe.com/aep/errors/${service}-${status}`, title, status, detail },
    {},
    'application/problem+json',
  );
}

/** The registry's report timestamp, `MM-dd-yyyy HH:mm:ss` in UTC as in the spec's examples. */
function registryTimestamp(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** The DCS inlet problem type (reference §5); `report.message` names the inlet like DCS does. */
export const DCS_INLET_PROBLEM = 'http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet';

/** A streaming inlet error in the DCS problem shape. */
export function dcsError(
  status: number,
  title: string,
  message: string,
  report: Readonly<Record<string, unknown>> = {},
): EmulatorError {
  return new EmulatorError(status, { type: DCS_INLET_PROBLEM, status, title, report: { message, ...report } });
}

/** An authenticated inlet without a token; note `status` is a string in this body (reference §5). */
export function dcsAuthError(inletId: string): EmulatorError {
  return new EmulatorError(401, {
    type: 'https://ns.adobe.com/adobecloud/problem/data-collection-service-authorization',
    status: '401',
    title: 'Authorization',
    report: { message: `[${inletId}] Ims service token is empty` },
  });
}
