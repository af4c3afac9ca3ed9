import { parsePath, valueAt } from './path.js';

/** An entity cut down to the fields a `property=name,id` projection asks for. */
export type ProjectedEntity = Record<string, unknown>;

/**
 * Keeps only the given fields (dotted paths allowed, nesting preserved); a field the entity lacks
 * is left out. Fields come from parsePropertyParams, so they are already valid paths.
 */
export function projectFields(entity: object, fields: readonly string[]): ProjectedEntity {
  const out: ProjectedEntity = {};
  for (const field of fields) {
    const segments = parsePath(field, { allowEach: false }) ?? [];
    const value = valueAt(entity, segments);
    if (value === undefined || segments.length === 0) continue;
    let target = out;
    for (const { key } of segments.slice(0, -1)) {
      const child = Object.hasOwn(target, key) ? target[key] : undefined;
      target = typeof child === 'object' && child !== null ? (child as ProjectedEntity) : setOwn(target, key, {});
    }
    setOwn(target, segments[segments.length - 1]!.key, structuredClone(value));
  }
  return out;
}

// defineProperty, because JSON.parse can produce an own "__proto__" key that `=` would treat as the prototype.
function setOwn<V>(target: ProjectedEntity, key: string, value: V): V {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}
