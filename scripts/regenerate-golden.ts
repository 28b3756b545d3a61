/**
 * `npm run golden`: regenerates tests/golden/*.json with the GNU tools.
 *
 *   forms.json     generated instruction forms and the word GNU `as` + `ld` make of each
 *   corpus.json    sections GNU builds from tests/conformance/corpus/*.s
 *   programs.json  sections, stdout and exit code of tests/programs/*.s under qemu-arm
 *
 * and, through their own scripts, the goldens that live beside the code:
 *
 *   isa            emulator/isa/golden/a32.json, emulator/isa/load-store-goldens.json
 *   disassembler   emulator/disassembler/golden/*.json (objdump's text)
 *   libc           tests/libc-programs goldens (glibc under qemu-arm)
 *
 * Deterministic: the same table, seed and tools give the same files. Run with
 * `-- forms`, `-- corpus`, `-- programs`, `-- isa`, `-- disassembler` or `-- libc`
 * to regenerate only some.
 */
import { spawnSync } from 'node:child_process';
import { GNU_AS, GNU_LD, QEMU_ARM, hasTool } from '../tests/tools';
import { CORPUS_DIRECTORY, CORPUS_FILE, FORMS_FILE, PROGRAMS_DIRECTORY, PROGRAMS_FILE, writeGolden } from '../tests/conformance/golden';
import type { CorpusEntry, ProgramEntry } from '../tests/conformance/golden';
import { recordCorpusFile, recordForms, recordProgram, sourceFiles, toolVersion } from '../tests/conformance/record';

const requested = process.argv.slice(2);
const wants = (part: string) => requested.length === 0 || requested.includes(part);
const missing = [GNU_AS, GNU_LD, ...(wants('programs') ? [QEMU_ARM] : [])].filter((tool) => !hasTool(tool));
if (missing.length > 0) {
  console.error(`regenerate-golden: ${missing.join(', ')} not installed; on Debian: apt-get install binutils-arm-linux-gnueabihf qemu-user`);
  process.exit(2);
}

let failures = 0;

if (wants('forms')) {
  const started = Date.now();
  const { problems, ...golden } = recordForms();
  writeGolden(FORMS_FILE, golden);
  const rows = new Set(golden.forms.map((form) => form.row)).size;
  console.log(`forms: ${golden.forms.length} forms from ${rows} rows (seed ${golden.seed}, ${golden.perRow} per row) in ${Date.now() - started} ms`);
  for (const row of golden.rowsWithoutForms) console.log(`  no form GNU accepts for row ${row.row}: ${row.reason}`);
  for (const problem of problems) console.log(`  generator problem: ${problem}`);
}

if (wants('corpus')) {
  const entries: CorpusEntry[] = [];
  for (const file of sourceFiles(CORPUS_DIRECTORY)) {
    const entry = recordCorpusFile(file);
    if (typeof entry === 'string') {
      console.error(`corpus: GNU refused ${entry}`);
      failures++;
    } else entries.push(entry);
  }
  writeGolden(CORPUS_FILE, { tool: toolVersion(), entries });
  console.log(`corpus: ${entries.length} files`);
}

if (wants('programs')) {
  const programs: ProgramEntry[] = [];
  for (const file of sourceFiles(PROGRAMS_DIRECTORY)) {
    const entry = recordProgram(file);
    if (typeof entry === 'string') {
      console.error(`programs: ${entry}`);
      failures++;
    } else {
      programs.push(entry);
      console.log(`  ${file}: exit ${entry.exitCode}, ${entry.stdout.length} bytes of output`);
    }
  }
  writeGolden(PROGRAMS_FILE, { tool: toolVersion(), programs });
  console.log(`programs: ${programs.length} files`);
}

const BESIDE_THE_CODE: Record<string, string[]> = {
  isa: ['scripts/isa-golden.ts', 'emulator/isa/load-store-goldens.ts'],
  disassembler: ['emulator/disassembler/golden/regenerate.ts'],
  libc: ['tests/libc-programs/regenerate.ts'],
};
for (const [part, scripts] of Object.entries(BESIDE_THE_CODE)) {
  if (!wants(part)) continue;
  for (const script of scripts) {
    console.log(`${part}: ${script}`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
    if (result.status !== 0) failures++;
  }
}

process.exitCode = failures === 0 ? 0 : 1;
