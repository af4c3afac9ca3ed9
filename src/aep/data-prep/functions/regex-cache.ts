import { fail } from '../errors.js';

const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 256;

/**
 * Compiles a Java-style regular expression once and reuses it: mapping sets run the same literal
 * pattern for every record. A leading `(?i)` (Java's inline flag, JS has none) becomes the `i` flag.
 * Callers only use `test`, `exec` and `split`, which ignore lastIndex without the `g` flag.
 */
export function cachedRegex(pattern: string, whole = false): RegExp {
  const key = `${whole ? 'whole:' : 'find:'}${pattern}`;
  let regex = cache.get(key);
  if (regex === undefined) {
    const insensitive = pattern.startsWith('(?i)');
    const body = insensitive ? pattern.slice(4) : pattern;
    // `whole` anchors the pattern for a full match, as Java's String.matches does.
    const source = whole ? `^(?:${body})$` : body;
    try {
      regex = new RegExp(source, insensitive ? 'iu' : 'u');
    } catch {
      try {
        // Some Java escapes (for example "\-" outside a class) are only valid without the u flag.
        regex = new RegExp(source, insensitive ? 'i' : '');
      } catch (error) {
        return fail(`Invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`);
      }
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, regex);
  }
  return regex;
}
