// Regenerates the sample fixtures in data/fixtures/ (data/fixtures/README.md) by recording real
// traffic through a fresh `--deterministic` emulator with `--record`:
//
//   npx tsx scripts/make-sample-fixtures.ts [--out DIR]     (default: data/fixtures)
//
// Run it by hand; the tests replay the committed files and never write there.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Emulator } from '../src/index.js';
import { AEP_API_KEY, AEP_TOKEN, aepSource, CHATLIO, CUSTOMERIO } from './sample-fixtures/aep-sources.js';
import { recordSample, type Driver } from './sample-fixtures/record.js';
import { driveSdkSession, SDK_WRITE_KEY } from './sample-fixtures/sdk-session.js';

type Sample = { file: string; drive: Driver; secrets: string[]; check: (emu: Emulator) => string | undefined };

const SAMPLES: Sample[] = [
  {
    file: 'pipelines-sdk-session.ndjson',
    drive: driveSdkSession,
    secrets: [SDK_WRITE_KEY],
    check: (emu) => {
      const invalid = emu.events({ api: 'pipelines', valid: false });
      const problems = emu.events({ api: 'workspace', type: 'problem' });
      if (invalid.length || problems.length) return JSON.stringify({ invalid, problems }, null, 2);
      return undefined;
    },
  },
  {
    file: 'aep-customerio-source.ndjson',
    drive: aepSource(CUSTOMERIO),
    secrets: [AEP_TOKEN, AEP_API_KEY],
    check: (emu) => inletCheck(emu, CUSTOMERIO.deliveries.length, 0),
  },
  {
    file: 'aep-chatlio-source.ndjson',
    drive: aepSource(CHATLIO),
    secrets: [AEP_TOKEN, AEP_API_KEY],
    // The transcript has no visitor.UUID, which the schema requires.
    check: (emu) => inletCheck(emu, CHATLIO.deliveries.length, 1),
  },
];

function inletCheck(emu: Emulator, total: number, invalid: number): string | undefined {
  const records = emu.events({ api: 'aep', type: 'inlet' });
  const refused = records.filter((r) => !r.valid).length;
  return records.length === total && refused === invalid
    ? undefined
    : `expected ${total} inlet records (${invalid} invalid), got ${records.length} (${refused} invalid)`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = path.resolve(values.out ?? path.join(import.meta.dirname, '..', 'data', 'fixtures'));
  await mkdir(out, { recursive: true });
  for (const sample of SAMPLES) {
    const text = await recordSample(async (session) => {
      await sample.drive(session);
      const problem = sample.check(session.emu);
      if (problem) throw new Error(`${sample.file}: the recording did not go as planned:\n${problem}`);
    }, sample.secrets);
    await writeFile(path.join(out, sample.file), text);
    process.stdout.write(`${path.join(out, sample.file)}: ${text.split('\n').length - 1} requests\n`);
  }
}

await main();
