import type { XdmType } from '../data-prep/index.js';
import type { XdmSchema } from './service.js';

type Node = { type?: unknown; format?: unknown; properties?: Record<string, Node>; items?: Node; allOf?: Node[] };

/**
 * The XDM type a schema gives a destination path (`_tenant.a.b`, `list[0].x`), so the mapping
 * engine converts values the way Data Prep converts to the target field. Undefined where the
 * schema says nothing (fields of classes the emulator does not have).
 */
export function xdmTypeAt(schema: XdmSchema, destination: string): XdmType | undefined {
  let node: Node | undefined = schema as Node;
  for (const part of destination.split(/(?<!\\)\./)) {
    const [name = '', ...indexes] = part.replaceAll('\\.', '.').split('[');
    node = propertyOf(node, name);
    for (const _ of indexes) node = node?.items;
    if (!node) return undefined;
  }
  return typeOf(node);
}

function propertyOf(node: Node | undefined, name: string): Node | undefined {
  if (!node) return undefined;
  const own = node.properties?.[name];
  if (own) return own;
  for (const part of node.allOf ?? []) {
    const found = propertyOf(part, name);
    if (found) return found;
  }
  return undefined;
}

function typeOf(node: Node): XdmType | undefined {
  if (node.type === 'string' && node.format === 'date-time') return 'date-time';
  if (node.type === 'string' && node.format === 'date') return 'date';
  const known: readonly XdmType[] = ['string', 'number', 'integer', 'boolean', 'object', 'array'];
  return known.includes(node.type as XdmType) ? (node.type as XdmType) : undefined;
}
