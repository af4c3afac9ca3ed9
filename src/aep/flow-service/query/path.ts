// Property paths as Flow Service's query parameters write them: dotted keys, where `key[]` means
// "any member of the array at key" (EN help/dataflows/api/sort-and-filter.md, "Filtering on array
// properties"; e.g. transformations[].params.segmentSelectors.selectors[].value.id).

/** One step of a path: a key, and whether `[]` fans out over the array found there. */
export type PathSegment = { readonly key: string; readonly each: boolean };

// Names as entities use them: camelCase keys plus XDM's `_tenant` and `xdm:field` forms.
const SEGMENT = /^([\w$@:-]+)(\[\])?$/;

/** The segments of a dotted path, or undefined if it is malformed (empty, `a..b`, `a[0]`, `[]` where not allowed). */
export function parsePath(text: string, options: { allowEach: boolean }): PathSegment[] | undefined {
  if (text === '') return undefined;
  const segments: PathSegment[] = [];
  for (const part of text.split('.')) {
    const match = SEGMENT.exec(part);
    if (!match?.[1]) return undefined;
    const each = match[2] !== undefined;
    if (each && !options.allowEach) return undefined;
    segments.push({ key: match[1], each });
  }
  return segments;
}

/**
 * Every value the path reaches. A plain key into an array reaches nothing: Adobe's docs say a
 * property inside array items must be written with `[]`.
 */
export function resolvePath(entity: unknown, segments: readonly PathSegment[]): unknown[] {
  let current: unknown[] = [entity];
  for (const { key, each } of segments) {
    const next: unknown[] = [];
    for (const value of current) {
      const child = ownValue(value, key);
      if (child === undefined) continue;
      if (!each) next.push(child);
      else if (Array.isArray(child)) next.push(...(child as unknown[]));
    }
    current = next;
  }
  return current;
}

/** The single value a path without `[]` reaches, or undefined when it is missing. */
export function valueAt(entity: unknown, segments: readonly PathSegment[]): unknown {
  return resolvePath(entity, segments)[0];
}

// Own properties only, so a path like `constructor.name` or `__proto__` never reaches the prototype.
function ownValue(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
