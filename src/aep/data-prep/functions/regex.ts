import { textOrNull, text } from './args.js';
import { cachedRegex } from './regex-cache.js';
import { param, type FunctionDef } from './registry-types.js';

// EN/FR `help/data-prep/functions.md` §"Regular expression functions". Patterns are Java regular
// expressions; JavaScript's syntax covers the common subset (see regex-cache.ts).
const CATEGORY = 'Regular expression';
const SAMPLE = '"E259,E259B_009,1_1", "([^,]+),[^,]*,([^,]+)"';
const params = [param('string', 'The string to match.', 'string'), param('regex', 'The regular expression.', 'string')];

export const REGEX_FUNCTIONS: FunctionDef[] = [
  {
    name: 'extract_regex',
    category: CATEGORY,
    description: 'Extracts groups from the input string, based on a regular expression.',
    syntax: 'String[] extract_regex(String, String)',
    returns: 'The whole first match followed by its groups (null for a group that did not take part), or null.',
    returnType: 'java.lang.String[]',
    example: `extract_regex(${SAMPLE})`,
    result: '["E259,E259B_009,1_1", "E259", "1_1"]',
    params,
    arity: [2, 2],
    impl: ([value, regex]) => {
      const s = textOrNull(value, 'extract_regex input');
      if (s === null) return null;
      const match = cachedRegex(text(regex, 'extract_regex regex')).exec(s);
      return match === null ? null : Array.from(match, (group) => group ?? null);
    },
  },
  {
    name: 'matches_regex',
    category: CATEGORY,
    description: 'Checks whether the whole string matches the regular expression (Java String.matches).',
    syntax: 'boolean matches_regex(String, String)',
    returns: 'true when the entire string matches; false otherwise and for null.',
    returnType: 'java.lang.Boolean',
    example: `matches_regex(${SAMPLE})`,
    result: 'true',
    params,
    arity: [2, 2],
    impl: ([value, regex]) => {
      const s = textOrNull(value, 'matches_regex input');
      if (s === null) return false;
      return cachedRegex(text(regex, 'matches_regex regex'), true).test(s);
    },
  },
];
