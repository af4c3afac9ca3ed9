import { WebSocket } from 'ws';
import { BrokenRunError } from './load.js';

/** One WebSocket client on /_emulator/stream that reads every message, as a test would. */
export type Subscriber = {
  received(): number;
  /** Waits until at least `count` messages arrived (the stream may trail the HTTP answers). */
  drain(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

export async function subscribe(baseUrl: string, label: string): Promise<Subscriber> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/_emulator/stream`);
  let received = 0;
  let closedEarly = false;
  let lastRecord = '';
  ws.on('message', (data, isBinary) => {
    received += 1;
    // Keep one message so a check can parse it without paying JSON.parse on every one.
    if (received % 1024 === 1 && !isBinary) lastRecord = data.toString();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', (error) => reject(new BrokenRunError(`${label}: stream subscription failed: ${error.message}`)));
  });
  ws.on('error', () => undefined);
  ws.once('close', () => (closedEarly = true));
  return {
    received: () => received,
    async drain(count, timeoutMs = 10_000) {
      const deadline = performance.now() + timeoutMs;
      while (received < count && !closedEarly && performance.now() < deadline) await sleep(20);
      if (closedEarly) throw new BrokenRunError(`${label}: the emulator closed the stream subscriber`);
      if (received < count) throw new BrokenRunError(`${label}: stream delivered ${received} of ${count} events`);
      const record = JSON.parse(lastRecord) as { seq?: unknown; payload?: unknown };
      if (typeof record.seq !== 'number' || typeof record.payload !== 'object') {
        throw new BrokenRunError(`${label}: stream message is not an EventRecord: ${lastRecord.slice(0, 200)}`);
      }
    },
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.close();
        setTimeout(() => {
          ws.terminate();
          resolve();
        }, 2_000).unref();
      });
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
