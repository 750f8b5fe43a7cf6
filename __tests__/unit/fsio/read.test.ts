// The one bounded reader: a FIFO and a link to /dev/zero are refused at once with one sentence,
// a file over its cap is refused after cap + 1 bytes, and checkContext refuses them before any build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReadable, readBounded, READ_LIMITS } from '../../../src/fsio/read.js';
import { checkContext } from '../../../src/attempts/run.js';
import { parseConfig } from '../../../src/config/config.js';

const dir = mkdtempSync(join(tmpdir(), 'bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a FIFO is refused without blocking', () => {
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  expect(() => readBounded(fifo, 'dockerfile')).toThrow(
    `The Dockerfile ${fifo} is not a regular file (a FIFO)`,
  );
});

test('a link to /dev/zero is refused without reading it', () => {
  const zero = join(dir, 'zero');
  symlinkSync('/dev/zero', zero);
  expect(() => readBounded(zero, 'dockerfile')).toThrow('is not a regular file (a character device)');
});

test('a file over its cap is refused; one at the cap is read', () => {
  const big = join(dir, 'big');
  writeFileSync(big, Buffer.alloc(READ_LIMITS['image-id'].cap + 1, 'a'));
  expect(() => readBounded(big, 'image-id')).toThrow('is over 64 KiB');
  expect(() => checkReadable(big, 'image-id')).toThrow('is over 64 KiB');
  writeFileSync(big, Buffer.alloc(READ_LIMITS['image-id'].cap, 'a'));
  expect(readBounded(big, 'image-id')).toHaveLength(READ_LIMITS['image-id'].cap);
});

test.each(['fifo', 'zero'])('checkContext refuses a Dockerfile that is a %s', (name) => {
  const ctx = join(dir, `ctx-${name}`);
  execFileSync('mkdir', [ctx]);
  if (name === 'fifo') execFileSync('mkfifo', [join(ctx, 'Dockerfile')]);
  else symlinkSync('/dev/zero', join(ctx, 'Dockerfile'));
  const config = parseConfig((n) => (n === 'context' ? ctx : ''));
  expect(() => checkContext(config)).toThrow(/is not a regular file/);
});
