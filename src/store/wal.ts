import {
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';

/** A point in the journal: the last op number and the byte offset just after it. */
export type WalMark = { seq: number; offset: number };

type Apply = (op: string, args: unknown) => void;
type Entry = { n: number; op: string; args: unknown };

/**
 * The append-only NDJSON journal beside the snapshot. Lines queued in one tick are written
 * with a single write(2); `flushed()` resolves after that write, which is what makes an
 * answered request survive kill -9 (the page cache outlives the process; fsync would only
 * add power-loss safety at a large cost per request).
 */
export class WriteAheadLog {
  readonly #file: string;
  #fd: number;
  #seq: number;
  #bytes: number;
  #pending: string[] = [];
  #pendingChars = 0;
  #waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  #scheduled = false;

  private constructor(file: string, fd: number, seq: number, bytes: number) {
    this.#file = file;
    this.#fd = fd;
    this.#seq = seq;
    this.#bytes = bytes;
  }

  /** Replays every entry after `afterSeq` through `apply`, then opens the file for appending. */
  static open(file: string, afterSeq: number, apply: Apply): WriteAheadLog {
    let seq = afterSeq;
    let good = 0;
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      for (let start = 0; start < text.length;) {
        const end = text.indexOf('\n', start);
        // A line without its newline was cut by a crash mid-write; it was never acknowledged.
        if (end === -1) break;
        const line = text.slice(start, end);
        const entry = parseEntry(line);
        if (!entry) break;
        if (entry.n > seq) {
          apply(entry.op, entry.args);
          seq = entry.n;
        }
        start = end + 1;
        good += Buffer.byteLength(line) + 1;
      }
    }
    const fd = openSync(file, 'a+');
    // Drop a torn tail so that new lines do not join it.
    ftruncateSync(fd, good);
    return new WriteAheadLog(file, fd, seq, good);
  }

  /** Queues one entry; `argsJson` is the op's arguments already serialised. */
  append(op: string, argsJson: string): void {
    this.#seq += 1;
    const line = `{"n":${this.#seq},"op":${JSON.stringify(op)},"args":${argsJson}}\n`;
    this.#pending.push(line);
    this.#pendingChars += line.length;
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => this.#flush());
    }
  }

  flushed(): Promise<void> {
    if (this.#pending.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** Roughly how much the journal holds (queued lines counted in characters). */
  size(): number {
    return this.#bytes + this.#pendingChars;
  }

  /** Flushes what is queued and returns the current end of the journal. */
  mark(): WalMark {
    this.#flush();
    return { seq: this.#seq, offset: this.#bytes };
  }

  /** After a snapshot that includes `mark`: keep only the entries written since. */
  dropThrough(mark: WalMark): void {
    this.#flush();
    const rest = readFrom(this.#file, mark.offset);
    const tmp = `${this.#file}.tmp`;
    writeFileSync(tmp, rest);
    // rename is atomic: a crash leaves either the old journal (its head skipped on replay
    // because the snapshot's walSeq covers it) or the new one.
    renameSync(tmp, this.#file);
    closeSync(this.#fd);
    this.#fd = openSync(this.#file, 'a');
    this.#bytes = rest.length;
  }

  close(): void {
    this.#flush();
    closeSync(this.#fd);
  }

  #flush(): void {
    this.#scheduled = false;
    const waiters = this.#waiters;
    this.#waiters = [];
    if (this.#pending.length > 0) {
      const chunk = this.#pending.join('');
      this.#pending = [];
      this.#pendingChars = 0;
      try {
        const buffer = Buffer.from(chunk);
        let written = 0;
        while (written < buffer.length) written += writeSync(this.#fd, buffer, written);
        this.#bytes += buffer.length;
      } catch (error) {
        for (const w of waiters) w.reject(error);
        return;
      }
    }
    for (const w of waiters) w.resolve();
  }
}

/**
 * The journal's bytes after `offset`. Only the tail is read: the journal may be tens of MB by
 * the time a snapshot covers its head, and this runs on the event loop.
 */
function readFrom(file: string, offset: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const rest = Buffer.alloc(Math.max(0, fstatSync(fd).size - offset));
    let read = 0;
    while (read < rest.length) {
      const n = readSync(fd, rest, read, rest.length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return rest.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function parseEntry(line: string): Entry | undefined {
  try {
    const entry = JSON.parse(line) as Entry;
    return typeof entry.n === 'number' && typeof entry.op === 'string' ? entry : undefined;
  } catch {
    return undefined;
  }
}
