/**
 * An evaluation failure inside one mapping: a bad argument, an unparseable date, a failed
 * conversion. The engine catches it, nulls that one attribute and records a TransformError,
 * as Adobe's Data Prep does (reference §4 "Runtime semantics"). It never reaches callers.
 */
export class DataPrepError extends Error {
  override name = 'DataPrepError';
}

export function fail(message: string): never {
  throw new DataPrepError(message);
}
