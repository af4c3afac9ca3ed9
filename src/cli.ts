#!/usr/bin/env node
import { ConfigError, loadConfig, USAGE } from './config.js';
import { runReplayCommand, type CommandIo } from './fixtures/replay-command.js';
import { runExportCommand, runImportCommand } from './fixtures/state-command.js';
import { createHttpSend } from './replay-transport.js';
import { startEmulator, type Emulator } from './server.js';

const SUBCOMMANDS: Record<string, (argv: readonly string[], io: CommandIo) => Promise<number>> = {
  replay: runReplayCommand,
  export: runExportCommand,
  import: runImportCommand,
};

async function main(argv: string[]): Promise<number> {
  const subcommand = argv[0] !== undefined && Object.hasOwn(SUBCOMMANDS, argv[0]) ? SUBCOMMANDS[argv[0]] : undefined;
  if (subcommand)
    return subcommand(argv.slice(1), {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      send: createHttpSend(),
    });
  let config;
  try {
    config = loadConfig(argv, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`cdp-emulator: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { help: _help, ...options } = config;
  const emulator = await startEmulator(options);
  if (!config.quiet) process.stdout.write(banner(emulator));
  await untilSignalled(emulator);
  return 0;
}

function banner(emulator: Emulator): string {
  const { urls } = emulator;
  const state = emulator.config.inMemory ? 'in memory' : emulator.config.dataFile;
  return [
    `cdp-emulator ${emulator.url}`,
    `  Data Pipelines  ${urls.pipelines}`,
    `  Track API       ${urls.track}/v1, ${urls.track}/v2`,
    `  App API         ${urls.app}`,
    `  Flow Service    ${urls.flowService}`,
    `  Inlet           ${urls.inlet}/{inletId}`,
    `  Control         ${urls.control}`,
    `  WebSocket       ${urls.stream}`,
    `  State           ${state}`,
    '',
  ].join('\n');
}

/** SIGINT and SIGTERM flush state and exit 0 (DESIGN.md, Command line). */
function untilSignalled(emulator: Emulator): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void emulator.close().then(resolve, (error: unknown) => {
        process.stderr.write(`cdp-emulator: close failed: ${String(error)}\n`);
        process.exitCode = 1;
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (process.exitCode === undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cdp-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
