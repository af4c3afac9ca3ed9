// Generates src/generated/**.ts from schemas/**.json with json-schema-to-typescript.
// `--check` writes nothing and exits 1 when a generated file is missing or stale, so CI
// catches a schema edited without regenerating (STYLE.md §5).
import { mkdir, readdir, readFile, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { compileFromFile } from 'json-schema-to-typescript';

const root = path.resolve(import.meta.dirname, '..');
const schemaDir = path.join(root, 'schemas');
const outDir = path.join(root, 'src', 'generated');
const check = process.argv.includes('--check');

async function list(dir, prefix = '') {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? list(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)])),
  );
  return nested
    .flat()
    .filter((f) => f.endsWith('.json'))
    .sort();
}

const banner = '/* Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types). Do not edit. */';
const stale = [];
const expected = new Set();
for (const rel of await list(schemaDir)) {
  const file = path.join(schemaDir, rel);
  const ts = await compileFromFile(file, {
    cwd: path.dirname(file),
    bannerComment: banner,
    additionalProperties: true,
    unreachableDefinitions: false,
    style: { singleQuote: true, printWidth: 120 },
  });
  const target = path.join(outDir, rel.replace(/\.json$/, '.ts'));
  expected.add(target);
  const current = await readFile(target, 'utf8').catch(() => null);
  if (current === ts) continue;
  if (check) stale.push(path.relative(root, target));
  else {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, ts);
  }
}
// Generated files whose schema is gone are stale too.
const existing = (await readdir(outDir, { recursive: true }).catch(() => []))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(outDir, f));
for (const file of existing) {
  if (expected.has(file)) continue;
  if (check) stale.push(path.relative(root, file));
  else await rm(file);
}
if (stale.length) {
  console.error(`Generated types are out of date; run npm run gen:types:\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
if (!check) console.log(`generated ${expected.size} files in src/generated`);
