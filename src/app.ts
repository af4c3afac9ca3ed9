import cors from 'cors';
import express, { type Express, type Request } from 'express';
import type { Config } from './config.js';
import { createAepRouter } from './aep/routes.js';
import type { IdSource } from './aep/ids.js';
import { AepRepository } from './aep/repository.js';
import type { SpecCatalogue } from './aep/flow-service/specs.js';
import { createControlRouter } from './control/routes.js';
import type { RecordMiddleware } from './fixtures/recorder.js';
import { createAppRouter } from './customerio/app-routes.js';
import { createTrackRouter } from './customerio/track-routes.js';
import type { Workspaces } from './customerio/workspaces.js';
import { errorMiddleware, problem } from './http/errors.js';
import type { Journal } from './journal/journal.js';
import type { EmulatorState } from './journal/state.js';
import { createIngest } from './pipelines/ingest.js';
import { createPipelinesRouter } from './pipelines/routes.js';
import type { SchemaRegistry } from './schema/registry.js';
import type { Store } from './store/store.js';

export type AppDeps = {
  config: Config;
  schemas: SchemaRegistry;
  store: Store<EmulatorState>;
  journal: Journal;
  clock: () => Date;
  newId: () => string;
  workspaces: Workspaces;
  /** Ids, etags and clocks of the AEP half. */
  aepIds: IdSource;
  specs: SpecCatalogue;
  version: string;
  startedAt: number;
  log: (message: string) => void;
  /** `--record`: mounted before everything else; absent, recording costs nothing. */
  recorder?: RecordMiddleware;
};

/** The composition root of the HTTP side: every API's router, the control API, one error middleware. */
export function createApp(deps: AppDeps): Express {
  const { config, schemas, store, journal } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // First, so it sees every request, and sees each body as the route's own reader consumes it.
  if (deps.recorder) app.use(deps.recorder);
  // The browser SDK posts cross-origin; without CORS its fetch rejects and it retries forever.
  // Only browsers send Origin, so server-side SDKs skip the middleware on the hot path.
  const corsMiddleware = cors({ origin: true, credentials: true, maxAge: 600 });
  app.use((req, res, next) => (req.headers.origin === undefined ? next() : corsMiddleware(req, res, next)));

  const ingest = createIngest({
    journal,
    schemas,
    clock: deps.clock,
    newMessageId: deps.newId,
    writeKeys: config.writeKeys,
    limits: { maxEventBytes: config.maxEventBytes, maxRequestBytes: config.maxRequestBytes },
    afterAppend: () => deps.workspaces.publish(),
  });
  const publicUrl = (req: Request): string => config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  app.use(createPipelinesRouter({ config, durable: () => store.durable(), ingest, publicUrl }));
  // Customer.io's own APIs over the same workspaces; the App API shares /v1 with Data Pipelines.
  const { workspaces } = deps;
  app.use(createTrackRouter({ schemas, workspaces, clock: deps.clock, durable: () => store.durable(), publicUrl }));
  app.use(createAppRouter({ schemas, workspaces }));
  const repo = new AepRepository(store, deps.aepIds);
  app.use(
    createAepRouter({
      config,
      journal,
      clock: deps.clock,
      durable: () => store.durable(),
      repo,
      ids: deps.aepIds,
      specs: deps.specs,
      schemas,
      baseUrl: publicUrl,
    }),
  );
  app.use(
    '/_emulator',
    createControlRouter({
      store,
      journal,
      schemas,
      version: deps.version,
      startedAt: deps.startedAt,
      maxEvents: config.maxEvents,
    }),
  );

  app.use((req) => {
    throw problem(404, 'Not Found', `No route for ${req.method} ${req.path}`);
  });
  app.use(errorMiddleware(deps.log));
  return app;
}
