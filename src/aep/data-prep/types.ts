/** One thing wrong with a mapping or an expression (DESIGN.md: validation returns problems). */
export type Problem = {
  path: string;
  message: string;
  /** Zero-based character offset into the expression, when the problem comes from the parser. */
  position?: number;
};

/** The three `sourceType`s of the Data Prep spec's `SourceType` enum. */
export type SourceType = 'ATTRIBUTE' | 'STATIC' | 'EXPRESSION';

/** A mapping after normalisation: the one internal form for all three of Adobe's dialects. */
export type Mapping = {
  sourceType: SourceType;
  source: string;
  destination: string;
  identity?: boolean;
  identityGroup?: string;
  namespaceCode?: string;
  primaryIdentity?: boolean;
  name?: string;
  description?: string;
};

/** The spec's `TransformErrorInfo`: what went wrong for one mapping of one record. */
export type TransformError = {
  destination: string;
  exception: string;
  source: string;
  columnName: string;
  sourceType: SourceType;
};

/** The XDM leaf types the engine can convert a mapped value into (see coerce.ts). */
export type XdmType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'date-time' | 'object' | 'array';

/** Collaborators the expression functions need; passed in so tests are deterministic. */
export type EvalServices = {
  /** Milliseconds since the epoch, for now() and timestamp(). */
  clock: () => number;
  /** A random v4 UUID, for uuid() and guid(). */
  randomUUID: () => string;
};
