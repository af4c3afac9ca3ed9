import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time of any file below `dir`, or 0 when there is none. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ with `npm run build` when dist/cli.js is missing or older than any source,
 * so that the benchmark measures the code in the working tree, started the way users start it.
 */
export function ensureBuilt(root: string, log: (line: string) => void): void {
  const cli = path.join(root, 'dist', 'cli.js');
  let builtAt = 0;
  try {
    builtAt = statSync(cli).mtimeMs;
  } catch {
    // missing: build
  }
  const sources = Math.max(
    newestMtime(path.join(root, 'src')),
    statSync(path.join(root, 'tsconfig.json')).mtimeMs,
    statSync(path.join(root, 'tsconfig.build.json')).mtimeMs,
  );
  if (builtAt >= sources) return;
  log(builtAt ? 'dist/ is older than src/: npm run build' : 'dist/cli.js is missing: npm run build');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 300_000,
  });
  if (result.status !== 0)
    throw new Error(`npm run build failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
}
