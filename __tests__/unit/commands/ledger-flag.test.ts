// `buildx-guard build --ledger FILE` and `buildx-guard ledger --file F` (issue 26, docs/ledger.md
// "The CLI"): a bad path or a file this version cannot read is one sentence and exit 2 (a UserError)
// before anything runs, and never costs the history in the file; a write that fails after the build
// is one line on stderr, the file as it was.
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUserError } from '../../../src/config/errors.js';
import { DEFAULT_LEDGER_FILE, ledgerFlagStore, readLedgerFlag } from '../../../src/commands/ledger.js';
import { Redactor } from '../../../src/redact/redact.js';
import type { Ledger } from '../../../src/ledger/window.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bxg-ledger-flag-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (run: string, category = 'transport') => ({
  at: new Date().toISOString(),
  run,
  attempts: 2,
  nodes: [{ name: 'two', endpoint: 'tcp://10.0.0.2:1234' }],
  events: [{ kind: 'attempt', category, transient: true, recovered: true, node: 'two', lostMs: 1200 }],
});
const good = (): string => JSON.stringify({ version: 1, entries: [entry('1-1'), entry('2-1')] });

/** The refusal of `fn`: a UserError (exit 2) of one sentence. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    const m = (e as Error).message;
    expect(m).not.toContain('\n');
    expect(m).toMatch(/\.$/);
    // One sentence: no full stop inside it but the ones of paths and file names.
    expect(m.replace(/\S+\.\S+/g, 'X').slice(0, -1)).not.toMatch(/\. /);
    return m;
  }
  throw new Error('not refused');
}
const store = (file: string, warn: (m: string) => void = () => {}) => ledgerFlagStore(file, warn);

describe('build --ledger FILE: refused before anything runs, the file left as it is', () => {
  test('a folder names a file to use in it', () => {
    expect(refusal(() => store(dir))).toBe(
      `--ledger ${dir} is a folder; point --ledger at a file, such as ${join(dir, DEFAULT_LEDGER_FILE)}.`,
    );
  });
  test('a missing folder says how to create it', () => {
    const file = join(dir, 'no', 'such', 'ledger.json');
    expect(refusal(() => store(file))).toContain(`create it (mkdir -p ${join(dir, 'no', 'such')})`);
  });
  test('true and false are the action’s switch, not a file', () => {
    for (const v of ['true', 'false'])
      expect(refusal(() => store(v))).toMatch(/^--ledger takes a file in the CLI/);
  });
  test('a folder that cannot be written (a read-only /proc entry for root too)', () => {
    expect(refusal(() => store('/proc/self/ledger.json'))).toMatch(
      /^--ledger \/proc\/self\/ledger\.json cannot be written: its folder \/proc\/self is not writable/,
    );
  });
  test.each([
    [
      'a newer version’s ledger',
      JSON.stringify({ version: 2, entries: [{ at: 'x' }] }),
      /is a version 2 ledger, written by a newer buildx-guard/,
    ],
    ['not JSON', '{"version":1,', /is not a buildx-guard ledger \(not JSON\)/],
    [
      'an entry this version cannot read (a category it does not know)',
      JSON.stringify({ version: 1, entries: [entry('1-1'), entry('2-1', 'gremlins')] }),
      /has 1 entry this buildx-guard cannot read/,
    ],
  ])('%s: refused, byte for byte as it was', (_, text, message) => {
    const file = join(dir, 'ledger.json');
    writeFileSync(file, text);
    expect(refusal(() => store(file))).toMatch(message);
    expect(refusal(() => store(file))).toContain('(this one was left as it is)');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
  test('a symbolic link (the append would replace the link with a file)', () => {
    const file = join(dir, 'real.json');
    writeFileSync(file, good());
    symlinkSync(file, join(dir, 'link.json'));
    expect(refusal(() => store(join(dir, 'link.json')))).toMatch(
      /is a symbolic link; point --ledger at the file itself/,
    );
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
  });
  test('none yet, or a good one: accepted, and the run appended', async () => {
    const fresh = store(join(dir, 'new.json'));
    expect(await fresh.restore()).toBeUndefined();
    const file = join(dir, 'ledger.json');
    writeFileSync(file, good());
    const s = store(file);
    const restored = (await s.restore())!;
    expect(restored.entries.map((e) => e.run)).toEqual(['1-1', '2-1']);
    await s.save(
      new Redactor([]).value({ version: 1, entries: [...restored.entries, entry('3-1')] } as Ledger),
    );
    expect((JSON.parse(readFileSync(file, 'utf8')) as Ledger).entries.map((e) => e.run)).toEqual([
      '1-1',
      '2-1',
      '3-1',
    ]);
  });
});

test('a write that fails after the build: one line on stderr, what was there intact, nothing else written', async () => {
  const file = join(dir, 'ledger.json');
  writeFileSync(file, good());
  const warned: string[] = [];
  const s = store(file, (m) => warned.push(m));
  // Checked and accepted; then, during the build, something else takes the path (a folder that is
  // not empty): the rename over it fails.
  rmSync(file);
  mkdirSync(file);
  const before = good();
  writeFileSync(join(file, 'kept.json'), before);
  await s.save(new Redactor([]).value({ version: 1, entries: [entry('3-1')] } as Ledger));
  expect(warned).toHaveLength(1);
  expect(warned[0]).toMatch(
    /^ledger: could not write .*ledger\.json: .*\(the build result is unchanged; the ledger file is as it was\)\.$/,
  );
  expect(readFileSync(join(file, 'kept.json'), 'utf8')).toBe(before);
  // The file written beside it is removed.
  expect(readdirSync(dir)).toEqual(['ledger.json']);
});

describe('ledger --file F', () => {
  test('a newer version’s file names the version; nothing is said about leaving it (it is only read)', () => {
    const file = join(dir, 'v2.json');
    writeFileSync(file, JSON.stringify({ version: 2, entries: [] }));
    expect(refusal(() => readLedgerFlag(file, 'file'))).toBe(
      `${file} is a version 2 ledger, written by a newer buildx-guard; use that version with it (this one reads version 1).`,
    );
  });
  test('an entry it cannot read is left out and counted (the command says so on stderr)', () => {
    const file = join(dir, 'mixed.json');
    writeFileSync(file, JSON.stringify({ version: 1, entries: [entry('1-1'), entry('2-1', 'gremlins')] }));
    expect(readLedgerFlag(file, 'file')).toMatchObject({ dropped: 1, ledger: { entries: [{ run: '1-1' }] } });
  });
});
