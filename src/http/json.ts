/** Why a body could not be turned into a JSON value. */
export type JsonFailure = { reason: 'malformed' | 'too-deep'; message: string };
export type JsonResult = { ok: true; value: unknown } | ({ ok: false } & JsonFailure);

/** Deeper documents are refused: they serve no tracking use and recursive code downstream would overflow. */
export const MAX_JSON_DEPTH = 64;

/**
 * JSON.parse that cannot be turned against the process: `__proto__` keys are dropped (they
 * would become prototype setters as soon as any code copied the object with assignment),
 * and documents nested deeper than `maxDepth` are refused.
 */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonResult {
  let value: unknown;
  try {
    // The reviver costs several times the plain parse, so it only runs when needed.
    value = text.includes('"__proto__"') ? JSON.parse(text, dropProto) : JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'malformed', message: `Invalid JSON: ${(error as Error).message}` };
  }
  const found = scan(value, maxDepth);
  if (found === 'too-deep') {
    return { ok: false, reason: 'too-deep', message: `JSON nested deeper than ${maxDepth} levels` };
  }
  // An escaped spelling ("\u005f_proto__") passes the text check above but parses to the
  // same own key; such documents are rare, so they pay for a second parse.
  if (found === 'proto') value = JSON.parse(text, dropProto);
  return { ok: true, value };
}

function dropProto(key: string, value: unknown): unknown {
  return key === '__proto__' ? undefined : value;
}

/**
 * Whether the document is nested too deeply, else whether an own `__proto__` key survived
 * the parse. Recursive but bounded: it never descends past `maxDepth`, so a hostile document
 * cannot overflow the stack, and it allocates nothing (this runs on every request).
 */
function scan(root: unknown, maxDepth: number): 'too-deep' | 'proto' | undefined {
  let proto = false;
  const visit = (value: object, depth: number): boolean => {
    if (depth > maxDepth) return false;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child: unknown = value[i];
        if (typeof child === 'object' && child !== null && !visit(child, depth + 1)) return false;
      }
      return true;
    }
    for (const key in value) {
      if (key === '__proto__') proto = true;
      const child: unknown = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null && !visit(child, depth + 1)) return false;
    }
    return true;
  };
  if (typeof root === 'object' && root !== null && !visit(root, 1)) return 'too-deep';
  return proto ? 'proto' : undefined;
}
