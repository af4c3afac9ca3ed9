import { isObject, type Value, type ValueObject } from './expression/values.js';

/**
 * Source and destination paths of mappings (EN `help/data-prep/mapping-set.md`): names joined by
 * dots, `\` escaping a character that is part of a name (`Full\.Name`), `[n]` for an array index
 * and `[*]` to iterate over an array. A segment is a name, an index, or WILDCARD.
 */
export type Segment = string | number;
export const WILDCARD = -1;

export type PathResult = { ok: true; segments: Segment[] } | { ok: false; message: string };

const cache = new Map<string, PathResult>();

export function parsePath(text: string): PathResult {
  let result = cache.get(text);
  if (result === undefined) {
    result = parseUncached(text);
    if (cache.size >= 1024) cache.clear();
    cache.set(text, result);
  }
  return result;
}

function parseUncached(text: string): PathResult {
  if (text === '') return { ok: false, message: 'The path is empty' };
  const segments: Segment[] = [];
  let name: string | undefined;
  let i = 0;
  const fail = (message: string): PathResult => ({ ok: false, message: `${message} in "${text}"` });
  // Ends the current name; writing through __proto__ would reach Object.prototype.
  const endName = (): string | undefined => {
    if (name === '__proto__') return 'The field name __proto__ is not allowed';
    if (name !== undefined) segments.push(name);
    name = undefined;
    return undefined;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\') {
      if (i + 1 >= text.length) return fail('Dangling backslash at the end');
      name = (name ?? '') + text[i + 1];
      i += 2;
    } else if (ch === '.') {
      if (name === undefined && typeof segments[segments.length - 1] !== 'number') {
        return fail(`Empty field name at position ${i}`);
      }
      const bad = endName();
      if (bad !== undefined) return fail(bad);
      i++;
      if (i >= text.length) return fail('A dot ends the path');
    } else if (ch === '[') {
      if (name === undefined && segments.length === 0) return fail('An index needs a field before it');
      const bad = endName();
      if (bad !== undefined) return fail(bad);
      const close = text.indexOf(']', i);
      const inner = close < 0 ? '' : text.slice(i + 1, close);
      if (inner === '*') segments.push(WILDCARD);
      else if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else return fail(`Invalid array index at position ${i} (use [n] or [*])`);
      i = close + 1;
      if (i < text.length && text[i] !== '.' && text[i] !== '[') return fail(`Expected '.' or '[' at position ${i}`);
    } else {
      name = (name ?? '') + ch;
      i++;
    }
  }
  const bad = endName();
  return bad === undefined ? { ok: true, segments } : fail(bad);
}

export function hasWildcard(segments: readonly Segment[]): boolean {
  return segments.includes(WILDCARD);
}

/** Reads a path from a value; undefined when any step is missing. A wildcard maps over the array. */
export function readPath(root: Value, segments: readonly Segment[], from = 0): Value {
  let current = root;
  for (let i = from; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    if (segment === WILDCARD) {
      if (!Array.isArray(current)) return undefined;
      return current.map((item) => {
        const value = readPath(item, segments, i + 1);
        return value === undefined ? null : value;
      });
    }
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isObject(current) || !Object.hasOwn(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

/**
 * Writes a value at a destination path, creating objects and arrays on the way. A wildcard spreads
 * an array value element by element (`pi[*].names`); a non-array value fills one element.
 */
export function writePath(target: ValueObject, segments: readonly Segment[], value: unknown): void {
  let current: Value = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i] as Segment;
    const next = segments[i + 1] as Segment;
    if (segment === WILDCARD) {
      spread(current as Value[], segments.slice(i + 1), value);
      return;
    }
    current = child(current as ValueObject & Value[], segment, typeof next === 'number');
  }
  const last = segments[segments.length - 1] as Segment;
  if (last === WILDCARD) {
    const items = Array.isArray(value) ? value : [value];
    (current as unknown[]).push(...items);
    return;
  }
  (current as Record<string | number, unknown>)[last] = value;
}

function spread(array: Value[], rest: readonly Segment[], value: unknown): void {
  const items = Array.isArray(value) ? value : [value];
  items.forEach((item, index) => {
    let element = array[index];
    if (!isObject(element)) {
      element = {};
      array[index] = element;
    }
    writePath(element, rest, item);
  });
}

function child(container: Record<string | number, Value>, segment: string | number, wantArray: boolean): Value {
  const existing = container[segment];
  if (wantArray ? Array.isArray(existing) : isObject(existing)) return existing;
  const created: Value = wantArray ? [] : {};
  container[segment] = created;
  return created;
}

/** Renders segments back to path text, escaping what parsePath would read as syntax. */
export function formatPath(segments: readonly Segment[]): string {
  return segments
    .map((s, i) => {
      if (s === WILDCARD) return '[*]';
      if (typeof s === 'number') return `[${s}]`;
      const escaped = s.replace(/[\\.[]/g, (c) => `\\${c}`);
      return i === 0 ? escaped : `.${escaped}`;
    })
    .join('');
}
