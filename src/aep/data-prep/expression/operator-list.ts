/** One item of `GET /languages/el/operators` (data-prep.yaml; EN `help/data-prep/api/operators`). */
export type OperatorInfo = {
  operatorSymbol: string;
  methodName: string;
  numberOfOperands: number;
  description: string;
  example: string;
};

const op = (
  operatorSymbol: string,
  methodName: string,
  numberOfOperands: number,
  description: string,
  example: string,
) => Object.freeze({ operatorSymbol, methodName, numberOfOperands, description, example });

/**
 * Every operator the parser and evaluator implement (parser.ts, operators.ts, compile.ts). The five
 * items of Adobe's truncated sample (+ / ~ - !) are copied as documented; method names of the rest
 * follow JEXL's JexlOperator names, which those five match. `&&`, `||`, `?:`, `??` and the ternary
 * are not JexlOperators, so their method names are descriptive (inference).
 */
const OPERATORS = Object.freeze([
  op('+', 'add', 2, 'Simple arithmetic addition; concatenation when either operand is a string', '1 + 2'),
  op('-', 'subtract', 2, 'Simple arithmetic subtraction', '3 - 1'),
  op('*', 'multiply', 2, 'Simple arithmetic multiplication', '2 * 3'),
  op(
    '/',
    'divide',
    2,
    'Simple arithmetic division (integer division for two integers); the word div is equivalent',
    '1 / 2',
  ),
  op('%', 'mod', 2, 'Remainder of a division; the word mod is equivalent', '5 % 2'),
  op('==', 'equals', 2, 'Equality; the word eq is equivalent. Numbers equal numeric strings.', 'a == "b"'),
  op('!=', 'notEquals', 2, 'Inequality; the word ne is equivalent', 'a != "b"'),
  op('<', 'lessThan', 2, 'Less than; the word lt is equivalent', 'a < 3'),
  op('<=', 'lessThanOrEqual', 2, 'Less than or equal; the word le is equivalent', 'a <= 3'),
  op('>', 'greaterThan', 2, 'Greater than; the word gt is equivalent', 'a > 3'),
  op('>=', 'greaterThanOrEqual', 2, 'Greater than or equal; the word ge is equivalent', 'a >= 3'),
  op('=~', 'contains', 2, 'Membership in an array or map, or a full match of a regular expression', 'x =~ ["a", "b"]'),
  op('!~', 'notContains', 2, 'The negation of =~', 'x !~ "[0-9]+"'),
  op('=^', 'startsWith', 2, 'String starts with', 'name =^ "Jo"'),
  op('!^', 'notStartsWith', 2, 'String does not start with', 'name !^ "Jo"'),
  op('=$', 'endsWith', 2, 'String ends with', 'email =$ ".com"'),
  op('!$', 'notEndsWith', 2, 'String does not end with', 'email !$ ".com"'),
  op('&&', 'and', 2, 'Logical and, short-circuit; the word and is equivalent', 'cond1 && cond2'),
  op('||', 'or', 2, 'Logical or, short-circuit; the word or is equivalent', 'cond1 || cond2'),
  op('&', 'bitwiseAnd', 2, 'Bitwise and', '12 & 10'),
  op('|', 'bitwiseOr', 2, 'Bitwise or', '12 | 10'),
  op('^', 'bitwiseXor', 2, 'Bitwise exclusive or', '12 ^ 10'),
  op('~', 'complement', 1, 'The usual ~ operator is used, e.g.\n~33\n, ~0010 0001 = 1101 1110 = -34.', '~44'),
  op('-', 'negate', 1, 'The unary - operator is used. For example\n-12', '-12'),
  op(
    '!',
    'not',
    1,
    'The usual ! operator can be used as well as the word not, e.g.\n!cond1\nand\nnot cond1\nare equivalent',
    '!cond1',
  ),
  op('empty', 'empty', 1, 'True for null, an empty string, array or map', 'empty(name)'),
  op('size', 'size', 1, 'The length of a string, array or map; 0 for null', 'size(items)'),
  op('? :', 'conditional', 3, 'Ternary conditional: test ? valueIfTrue : valueIfFalse', 'age > 17 ? "adult" : "minor"'),
  op('?:', 'elvis', 2, 'The left operand when it is true, else the right operand', 'nickname ?: firstName'),
  op('??', 'nullCoalescing', 2, 'The left operand unless it is null, else the right operand', 'middleName ?? ""'),
]);

/** The body of `GET /languages/el/operators`. */
export function listOperators(): OperatorInfo[] {
  return OPERATORS.map((o) => ({ ...o }));
}
