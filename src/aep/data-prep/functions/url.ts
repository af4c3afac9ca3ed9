import { fail } from '../errors.js';
import type { Value, ValueObject } from '../expression/values.js';
import { bool, text, textOrNull } from './args.js';
import { param, type FunctionDef } from './registry-types.js';

// EN/FR `help/data-prep/functions.md` §"URL functions". An invalid URL gives null, as documented.
const CATEGORY = 'URL';
const url = param('url', 'The URL.', 'string');

/**
 * Default ports by scheme. Adobe's sample get_url_port("sftp://example.com//home/joe/employee.csv")
 * returns 22, so a scheme's well-known port is returned when the URL gives none.
 */
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ftp: 21, sftp: 22, ssh: 22, ws: 80, wss: 443 };

function parse(value: Value): URL | null {
  const s = textOrNull(value, 'url');
  if (s === null || !URL.canParse(s)) return null;
  return new URL(s);
}

function decodeLenient(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function queryString([value, anchor]: Value[]): Value {
  const s = textOrNull(value, 'url');
  if (s === null || !URL.canParse(s)) return null;
  const mode = text(anchor, 'anchor');
  const question = s.indexOf('?');
  const out: ValueObject = {};
  if (question < 0) return out;
  const hash = s.indexOf('#', question);
  const query = hash < 0 ? s.slice(question + 1) : s.slice(question + 1, hash);
  const fragment = hash < 0 ? undefined : s.slice(hash + 1);
  let raw: string;
  // "retain" in the EN copy, "keep" in the newer FR copy.
  if (mode === 'retain' || mode === 'keep') raw = fragment === undefined ? query : `${query}#${fragment}`;
  else if (mode === 'remove' || mode === 'append') raw = query;
  else return fail(`anchor must be "retain", "remove" or "append", not ${JSON.stringify(mode)}`);
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeLenient(eq < 0 ? pair : pair.slice(0, eq));
    if (!Object.hasOwn(out, key)) out[key] = eq < 0 ? '' : decodeLenient(pair.slice(eq + 1));
  }
  if (mode === 'append' && fragment !== undefined) out._anchor_ = fragment;
  return out;
}

/** Percent-encodes everything but letters, digits, `-`, `_` and `.`, per the docs' appendix table. */
function encodeUrl(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function simple(
  name: string,
  description: string,
  sample: string,
  result: string,
  get: (u: URL) => Value,
): FunctionDef {
  return {
    name,
    category: CATEGORY,
    description,
    syntax: `${name}(String)`,
    returns: 'The value, or null if the input is not a valid URL.',
    returnType: name === 'get_url_port' ? 'java.lang.Integer' : 'java.lang.String',
    example: `${name}("${sample}")`,
    result,
    params: [url],
    arity: [1, 1],
    impl: ([value]) => {
      const parsed = parse(value);
      return parsed === null ? null : get(parsed);
    },
  };
}

export const URL_FUNCTIONS: FunctionDef[] = [
  simple(
    'get_url_protocol',
    'Returns the protocol from the given URL.',
    'https://platform.adobe.com/home',
    '"https"',
    (u) => u.protocol.slice(0, -1),
  ),
  simple(
    'get_url_host',
    'Returns the host of the given URL.',
    'https://platform.adobe.com/home',
    '"platform.adobe.com"',
    (u) => (u.hostname === '' ? null : u.hostname),
  ),
  simple(
    'get_url_port',
    "Returns the port of the given URL, or the scheme's default port.",
    'sftp://example.com//home/joe/employee.csv',
    '22',
    (u) => (u.port !== '' ? Number(u.port) : (DEFAULT_PORTS[u.protocol.slice(0, -1)] ?? null)),
  ),
  {
    name: 'get_url_path',
    category: CATEGORY,
    description: 'Returns the path of the given URL. By default, the full path is returned.',
    syntax: 'String get_url_path(String, Boolean)',
    returns: 'The path, its last segment when FULL_PATH is false, or null for an invalid URL.',
    returnType: 'java.lang.String',
    example: 'get_url_path("sftp://example.com//home/joe/employee.csv")',
    result: '"//home/joe/employee.csv"',
    params: [url, param('fullPath', 'Optional: false returns only the end of the path.', 'boolean')],
    arity: [1, 2],
    impl: ([value, full]) => {
      const parsed = parse(value);
      if (parsed === null) return null;
      if (full === undefined || full === null || bool(full, 'fullPath')) return parsed.pathname;
      return parsed.pathname.slice(parsed.pathname.lastIndexOf('/') + 1);
    },
  },
  {
    name: 'get_url_query_str',
    category: CATEGORY,
    description: 'Returns the query string of a URL as a map of names to values.',
    syntax: 'Map get_url_query_str(String, String)',
    returns: 'A map; the anchor is kept ("retain"/"keep"), dropped ("remove") or added as _anchor_ ("append").',
    returnType: 'java.util.Map',
    example: 'get_url_query_str("foo://example.com:8042/over/there?name=ferret#nose", "append")',
    result: '{"name": "ferret", "_anchor_": "nose"}',
    params: [url, param('anchor', '"retain", "remove" or "append".', 'string')],
    arity: [2, 2],
    impl: queryString,
  },
  {
    name: 'get_url_encoded',
    category: CATEGORY,
    description: 'Percent-encodes the special characters of a URL.',
    syntax: 'String get_url_encoded(String)',
    returns: 'The encoded URL, or null when the input is null.',
    returnType: 'java.lang.String',
    example: 'get_url_encoded("https://example.com/partneralliance_asia-pacific_2022")',
    result: '"https%3A%2F%2Fexample.com%2Fpartneralliance_asia-pacific_2022"',
    params: [url],
    arity: [1, 1],
    impl: ([value]) => {
      const s = textOrNull(value, 'url');
      return s === null ? null : encodeUrl(s);
    },
  },
  {
    name: 'get_url_decoded',
    category: CATEGORY,
    description: 'Decodes percent-encoded characters of a URL.',
    syntax: 'String get_url_decoded(String)',
    returns: 'The decoded URL, or null when the input is null.',
    returnType: 'java.lang.String',
    example: 'get_url_decoded("https%3A%2F%2Fexample.com%2Fpartneralliance_asia-pacific_2022")',
    result: '"https://example.com/partneralliance_asia-pacific_2022"',
    params: [url],
    arity: [1, 1],
    impl: ([value]) => {
      const s = textOrNull(value, 'url');
      if (s === null) return null;
      try {
        return decodeURIComponent(s);
      } catch {
        return fail(`Malformed percent-encoding in ${JSON.stringify(s)}`);
      }
    },
  },
];
