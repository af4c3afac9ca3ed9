import { Router, type Request } from 'express';
import type { Config } from '../config.js';
import type { Journal } from '../journal/journal.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { createCatalogRouter } from './catalog/routes.js';
import { createConversionRouter } from './conversion/routes.js';
import { MappingSetService } from './conversion/service.js';
import { CatalogService } from './catalog/service.js';
import { FLOW_ERRORS, flowError } from './flow-service/errors.js';
import { createFlowServiceRouter } from './flow-service/routes.js';
import { FlowService } from './flow-service/service.js';
import type { SpecCatalogue } from './flow-service/specs.js';
import { platformGateway, type GatewayOptions } from './gateway.js';
import type { IdSource } from './ids.js';
import type { AepRepository } from './repository.js';
import { createSchemaRegistryRouter } from './schema-registry/routes.js';
import { SchemaRegistryService } from './schema-registry/service.js';
import { createInletRouter } from './inlet/routes.js';
import { InletService } from './inlet/service.js';
import { MappingCache } from './inlet/mapping-cache.js';
import { XdmRecordValidator } from './schema-registry/record-validator.js';
import { renderFlowError } from './wire.js';

export type AepRouterDeps = {
  config: Config;
  journal: Journal;
  clock: () => Date;
  durable: () => Promise<void>;
  repo: AepRepository;
  ids: IdSource;
  specs: SpecCatalogue;
  schemas: SchemaRegistry;
  baseUrl: (req: Request) => string;
};

/** Platform base path of every service behind the gateway. */
export const PLATFORM_BASE = '/data/foundation';

/** Every Adobe Experience Platform API the emulator serves, each behind the Platform gateway. */
export function createAepRouter(deps: AepRouterDeps): Router {
  const { config, repo, ids, specs, schemas } = deps;
  const gateway = (missingSandbox: GatewayOptions['missingSandbox']) =>
    platformGateway({ apiKeys: config.aepApiKeys, tokens: config.aepTokens, missingSandbox });
  // Flow Service documents FLOW-2105 for a missing sandbox header; the other services'
  // behaviour is undocumented, and the Platform's default sandbox is `prod`.
  const flowGateway = gateway({ error: () => renderFlowError(flowError(FLOW_ERRORS.sandboxHeaderMissing, {})) });
  const defaultGateway = gateway({ fallback: 'prod' });

  const registry = new SchemaRegistryService(repo, ids);
  const catalog = new CatalogService(repo, ids);
  const flows = new FlowService({ repo, ids, specs }, schemas);
  const inlets = new InletService({
    repo,
    ids,
    specs,
    journal: deps.journal,
    registry,
    validator: new XdmRecordValidator(),
    mappings: new MappingCache(repo, ids),
    clock: deps.clock,
  });

  const router = Router();
  router.use(
    `${PLATFORM_BASE}/flowservice`,
    flowGateway,
    createFlowServiceRouter({ flows, specs, baseUrl: deps.baseUrl }),
  );
  router.use(
    `${PLATFORM_BASE}/conversion`,
    defaultGateway,
    createConversionRouter({ mappingSets: new MappingSetService(repo, ids), schemas }),
  );
  router.use(`${PLATFORM_BASE}/catalog`, defaultGateway, createCatalogRouter({ catalog, registry, schemas }));
  router.use(`${PLATFORM_BASE}/schemaregistry`, defaultGateway, createSchemaRegistryRouter({ registry, schemas }));
  // DCS is its own host (dcs.adobedc.net): no Platform gateway, and webhooks send no Adobe headers.
  router.use(createInletRouter({ inlets, repo, ids, durable: deps.durable }));
  return router;
}
