// The CLI's ledger file (`buildx-guard build --ledger FILE`): read, then replaced whole through a
// file written beside it. FILE's folder may be shared (a cache folder, /tmp on a shared host): the
// file written beside it must never follow a link another user planted at its name.
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  lstatSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordRun } from '../../../src/ledger/ledger.js';
import { fileLedgerStore } from '../../../src/ledger/store.js';

const root = mkdtempSync(join(tmpdir(), 'bxg-file-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const window = async () =>
  (
    await recordRun(
      Promise.resolve(undefined),
      { at: new Date().toISOString(), run: 'local', attempts: 1, nodes: [], events: [] },
      [],
    )
  ).ledger;

test('a link planted at the temporary name (the pid is predictable) is not written through', async () => {
  const shared = mkdtempSync(join(root, 'shared-'));
  const victim = join(root, 'victim.txt');
  writeFileSync(victim, 'precious\n');
  // Every name an attacker could guess: this process's pid, as the store names its temporary file.
  symlinkSync(victim, join(shared, `.${process.pid}.ledger.tmp`));
  const file = join(shared, 'ledger.json');
  const debug: string[] = [];
  await fileLedgerStore(file, (m) => debug.push(m)).save(await window());
  expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  // The ledger itself is written, as a regular file (not the planted link renamed over it).
  expect(lstatSync(file).isFile()).toBe(true);
  expect(JSON.parse(readFileSync(file, 'utf8')).entries).toHaveLength(1);
});

test('the file replaced is written whole, and nothing is left beside it', async () => {
  const dir = mkdtempSync(join(root, 'own-'));
  const file = join(dir, 'ledger.json');
  writeFileSync(file, '{"version":1,"entries":[]}');
  await fileLedgerStore(file, () => {}).save(await window());
  expect(JSON.parse(readFileSync(file, 'utf8')).entries).toHaveLength(1);
  expect(readdirSync(dir)).toEqual(['ledger.json']);
});
