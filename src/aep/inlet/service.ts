import type { ErrorObject } from 'ajv';
import type { EventDraft, Journal } from '../../journal/journal.js';
import type { EventRecord } from '../../journal/state.js';
import { toProblems, type Problem } from '../../schema/registry.js';
import type { DataSet } from '../catalog/service.js';
import type { CompiledMappingSet } from '../data-prep/index.js';
import type { CreatorDeps } from '../flow-service/creators.js';
import { countInletRecords, type RecordCounts } from '../flow-service/runs.js';
import type { XdmRecordValidator } from '../schema-registry/record-validator.js';
import type { SchemaRegistryService, XdmSchema } from '../schema-registry/service.js';
import type { MappingCache } from './mapping-cache.js';
import { flowFor, type Inlet, type InletFlow } from './resolve.js';

export type InletServiceDeps = CreatorDeps & {
  journal: Journal;
  registry: SchemaRegistryService;
  validator: XdmRecordValidator;
  mappings: MappingCache;
  clock: () => Date;
};

/** One message's fate: refused outright (DCS answers 400 for it), or journaled as a record. */
export type MessageOutcome =
  | { kind: 'refused'; message: string; record: EventRecord }
  | { kind: 'accepted'; record: EventRecord; violations: ErrorObject[] };

type Hints = { flowId: string | undefined; datasetId: string | undefined };
type Processed = { draft: EventDraft; refused?: string; violations: ErrorObject[]; flowId?: string };
/** Where a message goes: its flow, the flow's dataset, that dataset's schema and the flow's mapping set. */
type Route = {
  flow: InletFlow;
  dataSet: DataSet | undefined;
  schema: XdmSchema | undefined;
  /** undefined when the flow has no Mapping transformation; `compiled` undefined when its set is missing. */
  mapping: { id: string; compiled: CompiledMappingSet | undefined } | undefined;
};

const UNKNOWN_FORMAT = 'Message has unknown xdm format';

/**
 * The streaming inlet's domain: each message is routed to its flow, mapped by the flow's
 * mapping set, validated against the target dataset's schema, journaled, and counted in the
 * flow's run. A message that is refused or invalid is journaled too, with the reason.
 */
export class InletService {
  readonly #deps: InletServiceDeps;

  constructor(deps: InletServiceDeps) {
    this.#deps = deps;
  }

  ingest(inlet: Inlet, messages: readonly unknown[], hints: Hints): MessageOutcome[] {
    const receivedAt = this.#deps.clock().toISOString();
    // Repository reads hand out copies (structuredClone), and the state cannot change while a
    // request is processed, so each route is looked up once per request, not once per message.
    const routes = new Map<string, Route | string>();
    const processed = messages.map((message) => this.#process(inlet, message, hints, receivedAt, routes));
    const records = this.#deps.journal.append(processed.map((p) => p.draft));
    this.#count(inlet, processed);
    return processed.map((p, i) =>
      p.refused !== undefined
        ? { kind: 'refused', message: p.refused, record: records[i]! }
        : { kind: 'accepted', record: records[i]!, violations: p.violations },
    );
  }

  #process(
    inlet: Inlet,
    message: unknown,
    hints: Hints,
    receivedAt: string,
    routes: Map<string, Route | string>,
  ): Processed {
    const fail = (reason: string): Processed => ({
      draft: draft(receivedAt, message, null, [{ path: '', message: reason }], {}),
      refused: reason,
      violations: [],
    });
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return fail(UNKNOWN_FORMAT);
    const envelope = readEnvelope(message as Record<string, unknown>);
    if (envelope === 'malformed') return fail(UNKNOWN_FORMAT);
    const route = this.#route(inlet, envelope?.flowId ?? hints.flowId, envelope?.datasetId ?? hints.datasetId, routes);
    if (typeof route === 'string') return fail(route);
    const { flow, dataSet, schema } = route;
    const ids = { flowId: flow.id, ...(dataSet ? { datasetId: dataSet.id } : {}) };
    if (flow.state === 'disabled') {
      // DCS takes the message and the disabled flow drops it: accepted, journaled, counted failed.
      const reason = `Dataflow ${flow.id} is disabled; the message was dropped`;
      return {
        draft: draft(receivedAt, message, null, [{ path: '', message: reason }], ids),
        violations: [],
        flowId: flow.id,
      };
    }
    const { record, problems: mappingProblems } = envelope
      ? { record: envelope.entity, problems: [] }
      : map(route, message);
    const { violations, problems } = this.#validate(dataSet, schema, record);
    const errors = [...mappingProblems, ...problems];
    const valid = problems.length === 0;
    return { draft: draft(receivedAt, message, record, errors, ids, valid), violations, flowId: flow.id };
  }

  #route(
    inlet: Inlet,
    flowId: string | undefined,
    datasetId: string | undefined,
    routes: Map<string, Route | string>,
  ): Route | string {
    const key = `${flowId ?? ''}|${datasetId ?? ''}`;
    let route = routes.get(key);
    if (route === undefined) {
      const flow = flowFor(this.#deps.repo, inlet, flowId);
      const dataSet = typeof flow === 'string' ? undefined : this.#dataSetOf(inlet, flow, datasetId);
      const schema = dataSet ? this.#deps.registry.find(inlet.ref, dataSet.schemaRef.id) : undefined;
      route = typeof flow === 'string' ? flow : { flow, dataSet, schema, mapping: this.#mapping(inlet, flow, schema) };
      routes.set(key, route);
    }
    return route;
  }

  #mapping(inlet: Inlet, flow: InletFlow, schema: XdmSchema | undefined): Route['mapping'] {
    const mapping = flow.transformations?.find((t) => t.name === 'Mapping');
    if (!mapping?.params.mappingId) return undefined;
    const version = Number(mapping.params.mappingVersion ?? 0);
    const id = mapping.params.mappingId;
    return { id, compiled: this.#deps.mappings.get(inlet.ref, id, version, schema) };
  }

  #validate(
    dataSet: DataSet | undefined,
    schema: XdmSchema | undefined,
    record: unknown,
  ): { violations: ErrorObject[]; problems: Problem[] } {
    if (!dataSet) return { violations: [], problems: [{ path: '', message: 'The flow has no target dataset' }] };
    if (!schema)
      return {
        violations: [],
        problems: [{ path: '', message: `Schema ${dataSet.schemaRef.id} of dataset ${dataSet.id} does not exist` }],
      };
    const violations = this.#deps.validator.validate(schema, record);
    return { violations, problems: toProblems(violations) };
  }

  #dataSetOf(inlet: Inlet, flow: InletFlow, datasetId: string | undefined): DataSet | undefined {
    const targetId = flow.targetConnectionIds?.[0];
    const target = targetId
      ? this.#deps.repo.get<{ params?: { dataSetId?: string } }>(inlet.ref, 'targetConnections', targetId)
      : undefined;
    const id = datasetId ?? target?.params?.dataSetId;
    return id ? this.#deps.repo.get<DataSet>(inlet.ref, 'dataSets', id) : undefined;
  }

  #count(inlet: Inlet, processed: readonly Processed[]): void {
    const perFlow = new Map<string, RecordCounts>();
    for (const p of processed) {
      if (!p.flowId) continue;
      const counts = perFlow.get(p.flowId) ?? { input: 0, created: 0, failed: 0 };
      counts.input += 1;
      if (p.draft.valid) counts.created += 1;
      else counts.failed += 1;
      perFlow.set(p.flowId, counts);
    }
    for (const [flowId, counts] of perFlow)
      countInletRecords(this.#deps, { tenant: inlet.ref, client: 'dcs' }, flowId, counts);
  }
}

/** The message through the route's mapping set, as Data Prep maps it. */
function map(route: Route, input: unknown): { record: unknown; problems: Problem[] } {
  if (!route.mapping) return { record: input, problems: [] };
  const { id, compiled } = route.mapping;
  if (!compiled) return { record: input, problems: [{ path: '', message: `Mapping set ${id} is missing` }] };
  const { record, errors } = compiled.apply(input);
  // A conversion error nulls that attribute and ingests the rest (reference §4), so these are
  // reported without making the record invalid.
  const problems = errors.map((e) => ({
    path: `/${e.destination.replaceAll('.', '/')}`,
    message: `conversion error, attribute left out: ${e.exception}`,
  }));
  return { record, problems };
}

/**
 * The XDM envelope `{header, body:{xdmEntity}}` (reference §5); undefined for a raw message.
 * A message is an envelope when it has a `header` object: a webhook payload may well have a
 * `body` field of its own.
 */
function readEnvelope(
  message: Record<string, unknown>,
): { entity: unknown; flowId?: string; datasetId?: string } | 'malformed' | undefined {
  const header = message.header;
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return undefined;
  const body = message.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null || !('xdmEntity' in body)) return 'malformed';
  const { flowId, datasetId } = header as Record<string, unknown>;
  return {
    entity: body.xdmEntity,
    ...(typeof flowId === 'string' ? { flowId } : {}),
    ...(typeof datasetId === 'string' ? { datasetId } : {}),
  };
}

function draft(
  receivedAt: string,
  input: unknown,
  payload: unknown,
  errors: Problem[],
  ids: { flowId?: string; datasetId?: string },
  valid = false,
): EventDraft {
  return { receivedAt, api: 'aep', type: 'inlet', valid, errors, input, payload, ...ids };
}
