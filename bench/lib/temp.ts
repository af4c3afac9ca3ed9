import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Directories made and not yet removed, so that an interrupted run removes them too. */
const LIVE = new Set<string>();

/** A fresh directory under the OS temp dir, never the working tree; removed by `cleanup`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cdp-emulator-bench-'));
  LIVE.add(dir);
  return {
    dir,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      LIVE.delete(dir);
    },
  };
}

/** Synchronous, for a process 'exit' handler. */
export function removeTempDirs(): void {
  for (const dir of LIVE) rmSync(dir, { recursive: true, force: true });
  LIVE.clear();
}
