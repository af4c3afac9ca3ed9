export { startEmulator, WaitTimeoutError, VERSION } from './server.js';
export type { Emulator, StartOptions, WaitOptions } from './server.js';
export type { Config, ConfigInput } from './config.js';
export type { EventFilter } from './generated/control/event-filter.js';
export type { EventRecord } from './generated/control/event-record.js';
export type { Problem } from './generated/control/problem.js';
export type { EmulatorState } from './generated/control/state.js';
