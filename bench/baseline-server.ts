import express from 'express';
import type { AddressInfo } from 'node:net';

/**
 * The baseline every throughput figure is divided by: a bare express 5 app on port 0 whose
 * POST handler answers 200 `{}` without reading the body. It runs in its own process, as
 * the emulator does, and prints its URL first as the emulator's CLI does.
 */
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.post('/{*path}', (_req, res) => {
  res.json({});
});

const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`baseline http://127.0.0.1:${port}\n`);
});
const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
