// Success bodies of Catalog, Schema Registry, Data Prep and the streaming inlet, checked against
// the response schemas of Adobe's own specs (DESIGN.md, "Conformance tests"). Where the spec's
// schema contradicts Adobe's documented examples, the emulator follows the examples; each such
// deviation is listed below with its evidence, and must actually occur, so the list stays true.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/index.js';
import { aepApi, CATALOG, CONVERSION, newTenant, SCHEMA_REGISTRY, XED_FULL, type AepApi } from '../../helpers/aep.js';
import {
  createWebhookFlow,
  getWithAccept,
  postBatchToInlet,
  postToInlet,
  type InletFlow,
} from '../../helpers/aep-data.js';
import { startTestEmulator } from '../../helpers/emulator.js';
import { declaredResponseSchema, responseValidator } from '../../helpers/openapi.js';

/**
 * Data Prep dates are epoch milliseconds in every example of EN mapping-set.md and in the spec's
 * own MappingOperation and MapperSetPage examples, while its schemas say `format: date-time`.
 */
const EPOCH_DATES = /\/(createdDate|modifiedDate) must be string/;
/** The spec's MappingOperation example reads `sourceType: "text/x.schema-path"`, outside its SourceType enum. */
const SCHEMA_PATH = /\/mappings\/\d+\/sourceType must be equal to one of the allowed values/;
/** EN mapping-set.md shows `"errors": null` for a mapping or record without errors; the schema says array. */
const NULL_ERRORS = /\/errors must be array/;
/** The registry's `_page.next` "Contains `null` if this is the last or only page" (its own description). */
const NULL_NEXT = /\/_page\/next must be string/;

/** Every problem is a listed deviation, and every listed deviation occurs. */
function expectConformance(problems: string[], deviations: RegExp[] = []): void {
  expect(problems.filter((p) => !deviations.some((d) => d.test(p)))).toEqual([]);
  for (const deviation of deviations)
    expect(
      problems.some((p) => deviation.test(p)),
      String(deviation),
    ).toBe(true);
}

const SCHEMA_BODY = Object.freeze({
  title: 'Conformance',
  description: 'A schema for conformance checks',
  type: 'object',
  'meta:class': 'https://ns.adobe.com/xdm/context/profile',
  properties: { person: { type: 'object', properties: { email: { type: 'string' } } } },
});
const MAPPINGS = [
  { sourceType: 'ATTRIBUTE', source: 'id', destination: '_id' },
  { sourceAttribute: 'email', destinationXdmPath: 'person.email' },
  { destinationXdmPath: 'person.name', sourceExpression: 'upper(name)', sourceType: 'EXPRESSION' },
];

let emu: Emulator;
let api: AepApi;
beforeAll(async () => {
  emu = await startTestEmulator();
  api = aepApi(emu.url, newTenant());
});
afterAll(() => emu.close());

describe('catalog.yaml', () => {
  it('GET /dataSets and /dataSets/{id} answer dataSetResponse values keyed by id', async () => {
    const dataSet = responseValidator('adobe/catalog.yaml', 'dataSetResponse');
    const schemaId = (await api.post(`${SCHEMA_REGISTRY}/tenant/schemas`, SCHEMA_BODY).expect(201)).body as {
      $id: string;
    };
    const body = {
      name: 'c',
      description: 'd',
      schemaRef: { id: schemaId.$id, contentType: XED_FULL },
      tags: { unifiedProfile: ['enabled:true'] },
    };
    const created = await api.post(`${CATALOG}/dataSets`, body).expect(201);
    expect(created.body).toEqual([expect.any(String)]);
    const id = (created.body as string[])[0]!.split('/').pop()!;
    for (const path of [`${CATALOG}/dataSets/${id}`, `${CATALOG}/dataSets`]) {
      const values = Object.values((await api.get(path).expect(200)).body as Record<string, unknown>);
      expect(values).toHaveLength(1);
      expectConformance(dataSet(values[0]));
    }
  });
});

describe('schema-registry.yaml (Swagger 2.0 definitions)', () => {
  let schema: { $id: string };
  beforeAll(async () => {
    schema = (await api.post(`${SCHEMA_REGISTRY}/tenant/schemas`, SCHEMA_BODY).expect(201)).body as { $id: string };
  });

  it('POST /tenant/schemas answers createSchemaResponse', () => {
    expect(declaredResponseSchema('adobe/schema-registry.yaml', 'post', '/tenant/schemas', '201')).toBe(
      'createSchemaResponse',
    );
    expectConformance(responseValidator('adobe/schema-registry.yaml', 'createSchemaResponse')(schema));
  });

  it.each([['application/vnd.adobe.xed-full+json; version=1'], ['application/vnd.adobe.xed-notext+json; version=1']])(
    'GET /tenant/schemas/{id} answers lookupSchemaResponse for %s',
    async (accept) => {
      const res = await getWithAccept(
        api,
        `${SCHEMA_REGISTRY}/tenant/schemas/${encodeURIComponent(schema.$id)}`,
        accept,
      ).expect(200);
      expectConformance(responseValidator('adobe/schema-registry.yaml', 'lookupSchemaResponse')(JSON.parse(res.text)));
    },
  );

  it('GET /tenant/schemas answers listSchemasResponse in the xed-id form', async () => {
    const res = await getWithAccept(
      api,
      `${SCHEMA_REGISTRY}/tenant/schemas`,
      'application/vnd.adobe.xed-id+json',
    ).expect(200);
    expectConformance(responseValidator('adobe/schema-registry.yaml', 'listSchemasResponse')(res.body), [NULL_NEXT]);
  });
});

describe('data-prep.yaml', () => {
  const validator = (name: string) => responseValidator('adobe/data-prep.yaml', name);
  let id: string;
  beforeAll(async () => {
    const res = await api.post(`${CONVERSION}/mappingSets`, {
      name: 'conformance',
      outputSchema: { schemaRef: { id: 'x', contentType: XED_FULL } },
      mappings: MAPPINGS,
    });
    expect(res.status).toBe(200);
    id = (res.body as { id: string }).id;
    expectConformance(validator('SimpleRepresentation')(res.body), [EPOCH_DATES]);
  });

  it('declares the schemas these checks use', () => {
    const declared = (method: string, path: string, status = '200') =>
      declaredResponseSchema('adobe/data-prep.yaml', method, path, status);
    expect([
      declared('post', '/mappingSets'),
      declared('get', '/mappingSets'),
      declared('get', '/mappingSets/{MAPPING_SET_ID}'),
    ]).toEqual(['SimpleRepresentation', 'MapperSetPage', 'MappingSet']);
    expect([declared('post', '/mappingSets/validate'), declared('post', '/mappingSets/preview')]).toEqual([
      'MappingValidationResponse',
      'PreviewResponse',
    ]);
  });

  it('GET /mappingSets/{id}, its PUT and GET /mappingSets answer MappingSet, MappingSet and MapperSetPage', async () => {
    expectConformance(validator('MappingSet')((await api.get(`${CONVERSION}/mappingSets/${id}`).expect(200)).body), [
      EPOCH_DATES,
      SCHEMA_PATH,
    ]);
    const replaced = await api.put(`${CONVERSION}/mappingSets/${id}`, { mappings: MAPPINGS }).expect(200);
    expectConformance(validator('SimpleRepresentation')(replaced.body), [EPOCH_DATES]);
    expectConformance(
      validator('MapperSetPage')((await api.get(`${CONVERSION}/mappingSets?limit=5&start=0`).expect(200)).body),
      [EPOCH_DATES, SCHEMA_PATH],
    );
  });

  it('GET /mappingSets/{id}/mappings and /mappings/{mappingId} answer MappingOperation items', async () => {
    const mappings = (await api.get(`${CONVERSION}/mappingSets/${id}/mappings`).expect(200)).body as { id: string }[];
    const operation = validator('MappingOperation');
    const expression = mappings.find((_, i) => MAPPINGS[i]!.sourceType === 'EXPRESSION')!;
    expectConformance(
      operation((await api.get(`${CONVERSION}/mappingSets/${id}/mappings/${expression.id}`).expect(200)).body),
      [EPOCH_DATES],
    );
    expectConformance(
      mappings.flatMap((m) => operation(m)),
      [EPOCH_DATES, /\/sourceType must be equal to one of the allowed values/],
    );
  });

  it('POST /mappingSets/validate answers MappingValidationResponse', async () => {
    const bad = { sourceType: 'EXPRESSION', source: 'upper(', destination: 'x' };
    const res = await api.post(`${CONVERSION}/mappingSets/validate`, { mappings: [MAPPINGS[0], bad] }).expect(200);
    expectConformance(validator('MappingValidationResponse')(res.body), [NULL_ERRORS]);
  });

  it('POST /mappingSets/preview answers an array of PreviewResponse', async () => {
    const data = [
      { id: '1', email: 'a@example.com', name: 'ann' },
      { id: '2', name: 7 },
    ];
    const mappings = [...MAPPINGS, { sourceType: 'EXPRESSION', source: 'to_integer(id2)', destination: 'n' }];
    const res = await api
      .post(`${CONVERSION}/mappingSets/preview`, { data: [...data, { id2: 'x' }], mappingSet: { mappings } })
      .expect(200);
    const items = res.body as unknown[];
    expect(items).toHaveLength(3);
    expectConformance(
      items.flatMap((item) => validator('PreviewResponse')(item)),
      [NULL_ERRORS],
    );
  });
});

describe('streaming-ingestion.yaml', () => {
  let flow: InletFlow;
  beforeAll(async () => {
    flow = await createWebhookFlow(api, SCHEMA_BODY, [
      { sourceAttribute: 'email', destinationXdmPath: 'person.email' },
    ]);
  });

  it('POST /collection/{id} answers StreamingIngestionResponse, with and without sync validation', async () => {
    expect(declaredResponseSchema('adobe/streaming-ingestion.yaml', 'post', '/collection/{CONNECTION_ID}', '200')).toBe(
      'StreamingIngestionResponse',
    );
    const validate = responseValidator('adobe/streaming-ingestion.yaml', 'StreamingIngestionResponse');
    for (const query of ['', '?syncValidation=true']) {
      expectConformance(
        validate((await postToInlet(emu.url, flow.inletId, { email: 'a@example.com' }, query).expect(200)).body),
      );
    }
  });

  it('POST /collection/batch/{id} answers BatchResponseDTO, refused messages included', async () => {
    expect(
      declaredResponseSchema('adobe/streaming-ingestion.yaml', 'post', '/collection/batch/{CONNECTION_ID}', '207'),
    ).toBe('BatchResponseDTO');
    const res = await postBatchToInlet(emu.url, flow.inletId, [{ email: 'b@example.com' }, 'refused']).expect(207);
    expectConformance(responseValidator('adobe/streaming-ingestion.yaml', 'BatchResponseDTO')(res.body));
  });
});
