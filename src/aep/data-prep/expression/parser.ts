import type { Problem } from '../types.js';
import { RESERVED_WORDS, WORD_OPERATORS, type Node } from './ast.js';
import { LexError, tokenize, type Token } from './lexer.js';

/**
 * Binary operators from loosest to tightest, following JEXL's grammar. Word forms (and, or, eq, ne,
 * lt, le, gt, ge, div, mod) are read as the symbol they stand for.
 */
const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!=', '=~', '!~', '=^', '!^', '=$', '!$'],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];
const UNARY = new Set(['-', '!', '~', 'empty', 'size']);

export type ParseOptions = {
  /** Function names are reserved words too (functions.md): a bare one is not a field reference. */
  isFunctionName?: (name: string) => boolean;
};

export type ParseResult = { ok: true; ast: Node } | { ok: false; problems: Problem[] };

class ParseError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

/** Parses one expression. Never throws: a syntax error comes back as a problem with its position. */
export function parseExpression(text: string, options: ParseOptions = {}): ParseResult {
  try {
    const parser = new Parser(tokenize(text), options);
    const ast = parser.parseConditional();
    parser.expectEnd();
    return { ok: true, ast };
  } catch (error) {
    if (error instanceof ParseError || error instanceof LexError) {
      return { ok: false, problems: [{ path: 'expression', message: error.message, position: error.position }] };
    }
    throw error;
  }
}

class Parser {
  #tokens: Token[];
  #options: ParseOptions;
  #i = 0;

  constructor(tokens: Token[], options: ParseOptions) {
    this.#tokens = tokens;
    this.#options = options;
  }

  expectEnd(): void {
    const token = this.#peek();
    if (token.kind !== 'eof') throw new ParseError(`Unexpected ${describe(token)} at position ${token.pos}`, token.pos);
  }

  parseConditional(): Node {
    const test = this.#parseBinary(0);
    const token = this.#peek();
    if (isPunct(token, '?')) {
      this.#i++;
      const then = this.parseConditional();
      this.#expect(':');
      const otherwise = this.parseConditional();
      return { type: 'conditional', test, then, otherwise, pos: test.pos };
    }
    if (token.kind === 'punct' && (token.value === '?:' || token.value === '??')) {
      this.#i++;
      return { type: 'binary', op: token.value, left: test, right: this.parseConditional(), pos: test.pos };
    }
    return test;
  }

  #parseBinary(level: number): Node {
    if (level >= BINARY_LEVELS.length) return this.#parseUnary();
    let left = this.#parseBinary(level + 1);
    for (;;) {
      const op = operatorOf(this.#peek());
      if (op === undefined || !(BINARY_LEVELS[level] as readonly string[]).includes(op)) return left;
      this.#i++;
      const right = this.#parseBinary(level + 1);
      left = { type: 'binary', op, left, right, pos: left.pos };
    }
  }

  #parseUnary(): Node {
    const token = this.#peek();
    const op =
      token.kind === 'ident' && !token.escaped ? (WORD_OPERATORS[token.value] ?? token.value) : operatorOf(token);
    if (op !== undefined && UNARY.has(op)) {
      this.#i++;
      return { type: 'unary', op, operand: this.#parseUnary(), pos: token.pos };
    }
    return this.#parsePostfix(this.#parsePrimary());
  }

  #parsePostfix(node: Node): Node {
    for (;;) {
      const token = this.#peek();
      if (isPunct(token, '.')) {
        this.#i++;
        const name = this.#next();
        if (name.kind !== 'ident')
          throw new ParseError(`Expected a field name after '.' at position ${name.pos}`, name.pos);
        this.#rejectReserved(name, false);
        if (isPunct(this.#peek(), '(')) {
          node = { type: 'method', object: node, name: name.value, args: this.#parseArguments(), pos: name.pos };
        } else {
          node = { type: 'member', object: node, name: name.value, pos: name.pos };
        }
      } else if (isPunct(token, '[')) {
        this.#i++;
        const index = this.parseConditional();
        this.#expect(']');
        node = { type: 'index', object: node, index, pos: token.pos };
      } else {
        return node;
      }
    }
  }

  #parsePrimary(): Node {
    const token = this.#next();
    switch (token.kind) {
      case 'number':
        return { type: 'literal', value: token.value, pos: token.pos };
      case 'string':
        return { type: 'literal', value: token.value, pos: token.pos };
      case 'field':
        return { type: 'field', path: token.segments, pos: token.pos };
      case 'ident':
        return this.#parseIdentifier(token);
      case 'punct':
        if (token.value === '(') {
          const inner = this.parseConditional();
          this.#expect(')');
          return inner;
        }
        if (token.value === '[') return this.#parseArray(token.pos);
        if (token.value === '{') return this.#parseMap(token.pos);
        break;
    }
    throw new ParseError(`Unexpected ${describe(token)} at position ${token.pos}`, token.pos);
  }

  #parseIdentifier(token: Extract<Token, { kind: 'ident' }>): Node {
    if (!token.escaped) {
      if (token.value === 'true' || token.value === 'false') {
        return { type: 'literal', value: token.value === 'true', pos: token.pos };
      }
      if (token.value === 'null') return { type: 'literal', value: null, pos: token.pos };
    }
    if (isPunct(this.#peek(), '(') && !token.escaped) {
      return { type: 'call', name: token.value, args: this.#parseArguments(), pos: token.pos };
    }
    this.#rejectReserved(token, true);
    return { type: 'field', path: [token.value], pos: token.pos };
  }

  #rejectReserved(token: Extract<Token, { kind: 'ident' }>, root: boolean): void {
    if (token.escaped) return;
    const reserved = RESERVED_WORDS.has(token.value);
    const functionName = root && this.#options.isFunctionName?.(token.value) === true;
    if (reserved || functionName) {
      const what = reserved ? 'a reserved word' : 'a function name, which is reserved';
      throw new ParseError(
        `'${token.value}' at position ${token.pos} is ${what}; write \${${token.value}} to read a field of that name`,
        token.pos,
      );
    }
  }

  #parseArguments(): Node[] {
    this.#expect('(');
    return this.#parseList(')');
  }

  #parseArray(pos: number): Node {
    return { type: 'array', items: this.#parseList(']'), pos };
  }

  #parseMap(pos: number): Node {
    const entries: { key: Node; value: Node }[] = [];
    if (isPunct(this.#peek(), '}')) {
      this.#i++;
      return { type: 'map', entries, pos };
    }
    for (;;) {
      const key = this.parseConditional();
      this.#expect(':');
      entries.push({ key, value: this.parseConditional() });
      if (this.#expect(',', '}') === '}') return { type: 'map', entries, pos };
    }
  }

  #parseList(close: string): Node[] {
    const items: Node[] = [];
    if (isPunct(this.#peek(), close)) {
      this.#i++;
      return items;
    }
    for (;;) {
      items.push(this.parseConditional());
      if (this.#expect(',', close) === close) return items;
    }
  }

  #expect(...values: string[]): string {
    const token = this.#next();
    if (token.kind === 'punct' && values.includes(token.value)) return token.value;
    const wanted = values.map((v) => `'${v}'`).join(' or ');
    throw new ParseError(`Expected ${wanted} but found ${describe(token)} at position ${token.pos}`, token.pos);
  }

  #peek(): Token {
    return this.#tokens[this.#i] as Token;
  }

  #next(): Token {
    const token = this.#peek();
    if (token.kind !== 'eof') this.#i++;
    return token;
  }
}

function isPunct(token: Token, value: string): boolean {
  return token.kind === 'punct' && token.value === value;
}

function operatorOf(token: Token): string | undefined {
  if (token.kind === 'punct') return token.value;
  if (token.kind === 'ident' && !token.escaped) return WORD_OPERATORS[token.value];
  return undefined;
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'end of expression';
    case 'number':
      return `number ${token.text}`;
    case 'string':
      return `string ${JSON.stringify(token.value)}`;
    case 'ident':
      return `'${token.value}'`;
    case 'field':
      return `field \${${token.segments.join('.')}}`;
    case 'punct':
      return `'${token.value}'`;
  }
}
