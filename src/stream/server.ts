import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseEventFilter, type FilterValidator } from '../journal/filter.js';
import type { Journal } from '../journal/journal.js';

export const STREAM_PATH = '/_emulator/stream';

/** A subscriber this far behind is cut off rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/**
 * WS /_emulator/stream?<filters>: each matching EventRecord, as one JSON text message, from
 * the moment of connection. It only listens to the journal (STYLE.md §8).
 */
export function attachStream(server: Server, journal: Journal, validateFilter: FilterValidator): { close(): void } {
  const wss = new WebSocketServer({ noServer: true });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== STREAM_PATH) return refuse(socket, 404, 'Not Found');
    const { filter, problems } = parseEventFilter(queryOf(url.searchParams), validateFilter);
    if (problems.length) return refuse(socket, 400, problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      let corked = false;
      const unsubscribe = journal.subscribe(filter, (_record, json) => {
        if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return ws.terminate();
        // The messages of one event-loop turn (a whole batch, or every request read in it)
        // leave in one write instead of one syscall each (bench/README.md, measurement a).
        if (!corked) {
          corked = true;
          socket.cork();
          setImmediate(() => {
            corked = false;
            socket.uncork();
          });
        }
        ws.send(json);
      });
      ws.on('close', unsubscribe);
      ws.on('error', unsubscribe);
    });
  };
  server.on('upgrade', onUpgrade);
  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

/** Repeated keys stay arrays, as in the HTTP routes' query, so that `?userId=a&userId=b` is refused there and here alike. */
function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

function refuse(socket: Duplex, status: number, message: string): void {
  const body = Buffer.from(message);
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n`;
  socket.end(Buffer.concat([Buffer.from(head), body]));
}
