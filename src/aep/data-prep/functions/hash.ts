import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { fail } from '../errors.js';
import type { Value } from '../expression/values.js';
import { textOrNull } from './args.js';
import { param, type FunctionDef } from './registry-types.js';

// EN/FR `help/data-prep/functions.md` §"Hashing functions": lowercase hex digests of the input
// encoded in CHARSET (UTF-8, UTF-16, ISO-8859-1 or US-ASCII; default UTF-8).

/** Java's encoders: "UTF-16" writes a big-endian byte-order mark; unmappable characters become '?'. */
export function encode(value: string, charset: string | null): Buffer {
  switch ((charset ?? 'UTF-8').toUpperCase().replaceAll('_', '-')) {
    case 'UTF-8':
    case 'UTF8':
      return Buffer.from(value, 'utf8');
    case 'UTF-16':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(value)]);
    case 'UTF-16BE':
      return utf16be(value);
    case 'UTF-16LE':
      return Buffer.from(value, 'utf16le');
    case 'ISO-8859-1':
    case 'LATIN1':
      return Buffer.from(value.replace(/[\u0100-\u{10ffff}]/gu, '?'), 'latin1');
    case 'US-ASCII':
    case 'ASCII':
      return Buffer.from(value.replace(/[\u0080-\u{10ffff}]/gu, '?'), 'latin1');
    default:
      return fail(`Unsupported charset ${JSON.stringify(charset)}`);
  }
}

function utf16be(value: string): Buffer {
  const le = Buffer.from(value, 'utf16le');
  return le.swap16();
}

function digest(algorithm: string) {
  return ([value, charset]: Value[]): Value => {
    const s = textOrNull(value, `${algorithm} input`);
    if (s === null) return null;
    return createHash(algorithm)
      .update(encode(s, textOrNull(charset, 'charset')))
      .digest('hex');
  };
}

/**
 * CRC-32 printed as the four checksum bytes least-significant first. Adobe's sample
 * crc32("my text", "UTF-8") = "8df92e80" is exactly the byte-reversed hex of the standard
 * CRC-32 0x802ef98d, so this reproduces the documented output.
 */
function crc([value, charset]: Value[]): Value {
  const s = textOrNull(value, 'crc32 input');
  if (s === null) return null;
  const sum = crc32(encode(s, textOrNull(charset, 'charset')));
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(sum >>> 0);
  return bytes.toString('hex');
}

const SAMPLES: Record<string, string> = {
  sha1: 'c3599c11e47719df18a2448690840c5dfcce3c80',
  sha256: '7330d2b39ca35eaf4cb95fc846c21ee6a39af698154a83a586ee270a0d372104',
  sha512:
    'a3d7e45a0d9be5fd4e4b9a3b8c9c2163c21ef708bf11b4232bb21d2a8704ada2cdcd7b367dd0788a89a5c908cfe377aceb1072a7b386b7d4fd2ff68a8fd24d16',
  md5: 'd3b96ce8c9fb4e9bd0198d03ba6852c7',
  crc32: '8df92e80',
};

const NAMES: Record<string, string> = {
  sha1: 'Secure Hash Algorithm 1 (SHA-1)',
  sha256: 'Secure Hash Algorithm 256 (SHA-256)',
  sha512: 'Secure Hash Algorithm 512 (SHA-512)',
  md5: 'MD5',
  crc32: 'a cyclic redundancy check (CRC-32)',
};

function hashDef(name: string): FunctionDef {
  return {
    name,
    category: 'Hashing',
    description: `Takes an input and produces a hash value using ${NAMES[name]}.`,
    syntax: `String ${name}(String, String)`,
    returns: 'The hash as lowercase hexadecimal, or null when the input is null.',
    returnType: 'java.lang.String',
    example: `${name}("my text", "UTF-8")`,
    result: `"${SAMPLES[name] as string}"`,
    params: [
      param('input', 'The plain text to be hashed.', 'string'),
      param('charset', 'Optional: UTF-8, UTF-16, ISO-8859-1 or US-ASCII.', 'string'),
    ],
    arity: [1, 2],
    impl: name === 'crc32' ? crc : digest(name),
  };
}

export const HASH_FUNCTIONS: FunctionDef[] = ['sha1', 'sha256', 'sha512', 'md5', 'crc32'].map(hashDef);
