import type { AepRepository } from '../repository.js';
import type { TenantRef } from '../state.js';
import { FLOW_ERRORS, flowError } from './errors.js';

export type Transformation = { name: string; params: { mappingId?: string; mappingVersion?: number | string } };
type Target = { readonly [key: string]: unknown };

/** The parts of a stored mapping set version this check reads. */
type MappingSetVersion = { outputSchema?: { schemaRef?: { id?: string } }; xdmSchema?: string };

/**
 * A flow's Mapping transformation must name an existing mapping set version (FLOW-1419,
 * FLOW-1412), and that mapping must write the schema of each target dataset (FLOW-1425).
 */
export function checkMapping(
  repo: AepRepository,
  tenant: TenantRef,
  transformation: Transformation,
  targets: readonly Target[],
): void {
  if (transformation.name !== 'Mapping') return;
  const { mappingId, mappingVersion } = transformation.params;
  const version = String(mappingVersion ?? 0);
  const versions =
    mappingId === undefined ? undefined : repo.get<MappingSetVersion[]>(tenant, 'mappingSets', mappingId);
  if (!versions) throw flowError(FLOW_ERRORS.mappingInvalid, { id: String(mappingId), version });
  const mapping = /^\d+$/.test(version) ? versions[Number(version)] : undefined;
  if (!mapping) throw flowError(FLOW_ERRORS.invalidMappingVersion, {});
  const mappingSchema = mapping.outputSchema?.schemaRef?.id ?? mapping.xdmSchema;
  if (mappingSchema === undefined) return;
  for (const target of targets) {
    const dataSetId = (target.params as { dataSetId?: string } | undefined)?.dataSetId;
    const dataSet =
      dataSetId === undefined ? undefined : repo.get<{ schemaRef?: { id?: string } }>(tenant, 'dataSets', dataSetId);
    const targetSchema =
      dataSet?.schemaRef?.id ?? (target.data as { schema?: { id?: string } } | undefined)?.schema?.id;
    if (targetSchema !== undefined && targetSchema !== mappingSchema) {
      throw flowError(FLOW_ERRORS.schemaMismatch, { dataSetId: dataSetId ?? '', mappingSchema });
    }
  }
}
