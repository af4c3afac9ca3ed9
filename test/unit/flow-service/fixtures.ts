// Flow-shaped entities for the query tests, modelled on the GET /flows example in EN
// help/sources/tutorials/api/update-dataflows.md. Tests clone them; nothing mutates these.
export type TestFlow = {
  id: string;
  name: string;
  state: string;
  createdAt?: number | null;
  description?: string;
  sourceConnectionIds: string[];
  inheritedAttributes: { properties: { isSourceFlow?: boolean; isDestinationFlow?: boolean } };
  scheduleParams?: { startTime: string };
  transformations: {
    name: string;
    params: { mappingId?: string; segmentSelectors?: { selectors: { value: { id: string } }[] } };
  }[];
  metrics?: { statusSummary: { status: string } };
};

export const FLOWS: readonly TestFlow[] = Object.freeze([
  {
    id: 'f1',
    name: 'Alpha',
    state: 'enabled',
    createdAt: 1593134665781,
    sourceConnectionIds: ['s1', 's2'],
    inheritedAttributes: { properties: { isSourceFlow: true } },
    scheduleParams: { startTime: '1612310466' },
    transformations: [{ name: 'Mapping', params: { mappingId: 'm1' } }],
    metrics: { statusSummary: { status: 'FAILED' } },
  },
  {
    id: 'f2',
    name: 'beta',
    state: 'disabled',
    createdAt: 1653134665781,
    description: 'Test description',
    sourceConnectionIds: ['s3'],
    inheritedAttributes: { properties: { isDestinationFlow: true } },
    transformations: [
      { name: 'Copy', params: {} },
      {
        name: 'Segment',
        params: { segmentSelectors: { selectors: [{ value: { id: 'seg-a' } }, { value: { id: 'seg-b' } }] } },
      },
    ],
    metrics: { statusSummary: { status: 'success' } },
  },
  {
    id: 'f3',
    name: 'Gamma',
    state: 'enabled',
    sourceConnectionIds: [],
    inheritedAttributes: { properties: { isSourceFlow: false } },
    scheduleParams: { startTime: '1700000000' },
    transformations: [{ name: 'Mapping', params: { mappingId: 'm2' } }],
  },
]);

export function flows(): TestFlow[] {
  return structuredClone([...FLOWS]);
}
