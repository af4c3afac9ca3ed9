const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const SPACE = 0x20;
const BATCH = Buffer.from('"batch"');

/**
 * The size in bytes of each item of the top-level `batch` array, read from the raw body, or
 * undefined when the body is not shaped as expected. Customer.io limits each call in a batch
 * to 32 KB [spec info]; measuring the bytes as sent is what a size limit means, and cheaper
 * than serialising every parsed item again. JSON's structural characters are ASCII and no byte
 * of a multi-byte UTF-8 character is, so scanning bytes is safe; strings, most of a body, are
 * skipped with the native indexOf.
 */
export function batchItemSizes(raw: Buffer): number[] | undefined {
  let sizes: number[] | undefined;
  let depth = 0;
  let lastKeyIsBatch = false;
  let inBatch = false;
  let itemStart = -1;
  let itemEnd = -1;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!;
    if (byte <= SPACE) continue;
    if (inBatch && depth === 2 && itemStart < 0 && byte !== CLOSE_ARRAY) itemStart = i;
    if (byte === QUOTE) {
      const end = stringEnd(raw, i);
      if (end < 0) return undefined;
      if (depth === 1)
        lastKeyIsBatch = end - i + 1 === BATCH.length && raw.compare(BATCH, 0, BATCH.length, i, end + 1) === 0;
      i = itemEnd = end;
      continue;
    }
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (depth === 1 && byte === OPEN_ARRAY && lastKeyIsBatch) {
        inBatch = true;
        sizes = [];
      }
      depth++;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
      if (inBatch && depth === 1) {
        if (itemStart >= 0) sizes!.push(itemEnd - itemStart + 1);
        inBatch = false;
        itemStart = -1;
      }
    } else if (byte === COMMA && inBatch && depth === 2) {
      sizes!.push(itemEnd - itemStart + 1);
      itemStart = -1;
      continue;
    }
    itemEnd = i;
  }
  return sizes;
}

/** Index of the quote closing the string that opens at `start`, or -1. */
function stringEnd(raw: Buffer, start: number): number {
  let end = raw.indexOf(QUOTE, start + 1);
  while (end >= 0) {
    let backslashes = 0;
    while (raw[end - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = raw.indexOf(QUOTE, end + 1);
  }
  return -1;
}
