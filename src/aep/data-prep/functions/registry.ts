import { ARRAY_FUNCTIONS } from './arrays.js';
import { CONVERSION_FUNCTIONS } from './conversion.js';
import { DATE_PART_FUNCTIONS } from './date-parts.js';
import { DATE_FUNCTIONS } from './date.js';
import { HASH_FUNCTIONS } from './hash.js';
import { LOGIC_FUNCTIONS } from './logic.js';
import { MAP_FUNCTIONS } from './maps.js';
import { OBJECT_FUNCTIONS } from './objects.js';
import { REGEX_FUNCTIONS } from './regex.js';
import { toFunctionInfo, type FunctionDef, type FunctionInfo } from './registry-types.js';
import { STRING_EDIT_FUNCTIONS } from './string-edit.js';
import { STRING_FUNCTIONS } from './string.js';
import { URL_FUNCTIONS } from './url.js';
import { USER_AGENT_FUNCTIONS } from './user-agent.js';

/**
 * Every function and method the engine implements, in the order of Adobe's function guide. It is
 * the one source for both evaluation and `GET /languages/el/functions`, so the listing cannot
 * drift from what runs. Not implemented: the destinations-only functions (array_to_string,
 * filterArray, transformArray, flattenArray), the Analytics aa_* functions, and fpid_to_ecid,
 * whose FPID-to-ECID algorithm is not documented.
 */
const ALL: readonly FunctionDef[] = [
  ...STRING_FUNCTIONS,
  ...STRING_EDIT_FUNCTIONS,
  ...REGEX_FUNCTIONS,
  ...HASH_FUNCTIONS,
  ...URL_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...DATE_PART_FUNCTIONS,
  ...OBJECT_FUNCTIONS,
  ...MAP_FUNCTIONS,
  ...ARRAY_FUNCTIONS,
  ...LOGIC_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...USER_AGENT_FUNCTIONS,
];

const FUNCTIONS = new Map(ALL.filter((d) => d.kind !== 'method').map((d) => [d.name, d]));
const METHODS = new Map(ALL.filter((d) => d.kind === 'method').map((d) => [d.name, d]));
const INFO: readonly FunctionInfo[] = Object.freeze(ALL.map(toFunctionInfo));

export function findFunction(name: string): FunctionDef | undefined {
  return FUNCTIONS.get(name);
}

export function findMethod(name: string): FunctionDef | undefined {
  return METHODS.get(name);
}

export function isFunctionName(name: string): boolean {
  return FUNCTIONS.has(name);
}

/** The body of `GET /languages/el/functions`: one item per implemented function and method. */
export function listFunctions(): FunctionInfo[] {
  return INFO.map((info) => ({ ...info, params: info.params.map((p) => ({ ...p })) }));
}

export function functionDefinitions(): readonly FunctionDef[] {
  return ALL;
}
