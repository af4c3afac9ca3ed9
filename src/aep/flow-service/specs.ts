import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A connection spec or flow spec, as GET /connectionSpecs/{id} and /flowSpecs/{id} return it. */
export type Spec = { id: string; name: string; version: string; [key: string]: unknown };
export type FlowSpec = Spec & {
  sourceConnectionSpecIds: string[];
  targetConnectionSpecIds: string[];
  transformationSpecs?: unknown[];
  attributes?: { frequency?: string; [key: string]: unknown };
};

export type SpecCatalogue = {
  connectionSpecs: ReadonlyMap<string, Spec>;
  flowSpecs: ReadonlyMap<string, FlowSpec>;
};

/** Ids with a meaning of their own to the emulator (reference §8). */
export const SPEC_IDS = Object.freeze({
  httpApi: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb',
  dataLake: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c',
});

/**
 * The specs shipped in data/flow-service, with the real ids from Adobe's tutorials. Specs are
 * Adobe's, not a tenant's, so they are read-only and the same in every sandbox.
 */
export function loadSpecCatalogue(dataDir: string): SpecCatalogue {
  const read = <T>(file: string): T[] =>
    (JSON.parse(readFileSync(path.join(dataDir, 'flow-service', file), 'utf8')) as { items: T[] }).items;
  return {
    connectionSpecs: new Map(read<Spec>('connection-specs.json').map((s) => [s.id, s])),
    flowSpecs: new Map(read<FlowSpec>('flow-specs.json').map((s) => [s.id, s])),
  };
}

/** Streaming flows get an inlet and runs; the catalogue marks them with `frequency: streaming`. */
export function isStreaming(flowSpec: FlowSpec): boolean {
  return flowSpec.attributes?.frequency === 'streaming';
}

/** The package's `data/` folder, from both `src/` (tests) and `dist/` (the binary). */
export function defaultDataDir(): string {
  return path.resolve(import.meta.dirname, '..', '..', '..', 'data');
}
