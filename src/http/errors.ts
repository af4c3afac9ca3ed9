import type { ErrorRequestHandler, Response } from 'express';

/**
 * The one error type routes throw. `body` is already in the owning API's wire format
 * (each API's wire.ts builds it), so the middleware only serialises.
 */
export class EmulatorError extends Error {
  override name = 'EmulatorError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly contentType = 'application/json',
  ) {
    super(typeof body === 'object' && body && 'message' in body ? String(body.message) : `HTTP ${status}`);
  }
}

/** Turns a framework or body-reader 4xx (too large, bad gzip...) into an API's wire error. */
export type WireErrorRenderer = (status: number, message: string) => EmulatorError;

/** A router sets its renderer so that errors raised before its handlers still speak its format. */
export function useWire(res: Response, render: WireErrorRenderer): void {
  res.locals.wire = render;
}

/** An error in the format of the API that owns this request (problem+json when none does). */
export function wireError(res: Response, status: number, message: string): EmulatorError {
  const render = res.locals.wire as WireErrorRenderer | undefined;
  return render ? render(status, message) : problem(status, message);
}

/** application/problem+json for everything that belongs to no vendor API (control routes, unknown paths). */
export function problem(status: number, title: string, detail?: string): EmulatorError {
  return new EmulatorError(
    status,
    { type: 'about:blank', title, status, ...(detail ? { detail } : {}) },
    {},
    'application/problem+json',
  );
}

/** Goes last: known errors are serialised; framework 4xx go through the API's renderer; anything else is a logged 500. */
export function errorMiddleware(log: (message: string) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const error = toEmulatorError(err, res.locals.wire as WireErrorRenderer | undefined);
    if (error.status >= 500) log(`cdp-emulator: internal error: ${(err as Error)?.stack ?? String(err)}`);
    if (res.headersSent) return;
    res.status(error.status).set(error.headers).type(error.contentType);
    res.send(error.status === 204 ? undefined : JSON.stringify(error.body));
  };
}

function toEmulatorError(err: unknown, wire: WireErrorRenderer | undefined): EmulatorError {
  if (err instanceof EmulatorError) return err;
  const status = (err as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = (err as Error).message;
    return wire ? wire(status, message) : problem(status, message);
  }
  return problem(500, 'Internal Server Error', 'The emulator failed; see its log.');
}
