// Records keyed by caller-chosen strings (attribute names, object ids, identifiers) must treat
// "__proto__" and friends as ordinary keys: plain assignment would change the prototype instead.

export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function put<T>(record: Record<string, T>, key: string, value: T): void {
  // Only "__proto__" is an accessor on Object.prototype; every other key assigns as data, and
  // plain assignment is several times faster than defining the property.
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

export function drop(record: Record<string, unknown>, key: string): void {
  if (Object.hasOwn(record, key)) delete record[key];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values; key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}
