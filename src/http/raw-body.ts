import type { RequestHandler } from 'express';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { wireError } from './errors.js';

const DECODERS: Readonly<Record<string, () => NodeJS.ReadWriteStream>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * The request body as one Buffer in `req.body`, decoded per Content-Encoding, at most `limit`
 * bytes after decoding (a gzip bomb stops there). Every route reads its body through this one
 * reader: it does what express.raw did for us with a fraction of the per-request work, which
 * the tracking API's hot path feels. Errors use the owning API's wire format: 413 over the
 * limit, 415 for an unknown encoding, 400 for a corrupt one.
 */
export function rawBody(limit: number): RequestHandler {
  return (req, res, next) => {
    const encoding = String(req.headers['content-encoding'] ?? 'identity')
      .trim()
      .toLowerCase();
    if (encoding === 'identity' && Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      return next(wireError(res, 413, 'request entity too large'));
    }
    let source: Readable = req;
    if (encoding !== 'identity') {
      const decoder = DECODERS[encoding];
      if (!decoder) {
        req.resume();
        return next(wireError(res, 415, `unsupported content encoding "${encoding}"`));
      }
      source = req.pipe(decoder()) as unknown as Readable;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error?: unknown): void => {
      if (done) return;
      done = true;
      if (error !== undefined) {
        // Stop decoding, but let the rest of the request arrive, so the answer can be sent.
        if (source !== req) req.unpipe(source as unknown as NodeJS.WritableStream);
        source.destroy();
        req.resume();
        return next(error);
      }
      req.body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      next();
    };
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(wireError(res, 413, 'request entity too large'));
      chunks.push(chunk);
    });
    source.on('end', () => finish());
    source.on('error', (error: Error) => finish(wireError(res, 400, `invalid ${encoding} body: ${error.message}`)));
    req.on('error', (error: Error) => finish(wireError(res, 400, error.message)));
  };
}
