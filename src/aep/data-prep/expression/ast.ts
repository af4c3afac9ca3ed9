import type { Value } from './values.js';

/** The parsed form of an expression. `pos` is the zero-based offset where the node starts. */
export type Node =
  | { type: 'literal'; value: Value; pos: number }
  | { type: 'field'; path: string[]; pos: number }
  | { type: 'member'; object: Node; name: string; pos: number }
  | { type: 'index'; object: Node; index: Node; pos: number }
  | { type: 'call'; name: string; args: Node[]; pos: number }
  | { type: 'method'; object: Node; name: string; args: Node[]; pos: number }
  | { type: 'unary'; op: string; operand: Node; pos: number }
  | { type: 'binary'; op: string; left: Node; right: Node; pos: number }
  | { type: 'conditional'; test: Node; then: Node; otherwise: Node; pos: number }
  | { type: 'array'; items: Node[]; pos: number }
  | { type: 'map'; entries: { key: Node; value: Node }[]; pos: number };

/**
 * Reserved words, which a field name must escape as `${...}` (newest FR `help/data-prep/functions.md`
 * §"Fields"). They are exactly Apache Commons JEXL 3's keywords plus `_errors`.
 */
export const RESERVED_WORDS = new Set([
  'new',
  'mod',
  'or',
  'break',
  'var',
  'lt',
  'for',
  'false',
  'while',
  'eq',
  'gt',
  'div',
  'not',
  'null',
  'continue',
  'else',
  'and',
  'ne',
  'true',
  'le',
  'if',
  'ge',
  'return',
  '_errors',
  'do',
  'function',
  'empty',
  'size',
]);

/** Word forms of operators and the symbol each stands for (JEXL's operator aliases). */
export const WORD_OPERATORS: Record<string, string> = {
  and: '&&',
  or: '||',
  not: '!',
  eq: '==',
  ne: '!=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
  div: '/',
  mod: '%',
};
