// The host checks against fake /proc values.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  deferredHostChecks,
  judgeHost,
  readHost,
  readInotify,
  readOpenFiles,
  type HostCheck,
} from '../../../src/builder/host.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A fake /proc: limits, max_user_instances, and processes holding inotify fds. */
function fakeProc(opts: {
  soft: string;
  hard: string;
  max: number;
  procs: { uid: number; inotify: number; other: number }[];
}) {
  const proc = mkdtempSync(join(tmpdir(), 'bxg-proc-'));
  roots.push(proc);
  mkdirSync(join(proc, 'self'), { recursive: true });
  writeFileSync(
    join(proc, 'self', 'limits'),
    `Limit                     Soft Limit           Hard Limit           Units\nMax processes             95712                95712                processes\nMax open files            ${opts.soft}                 ${opts.hard}              files\n`,
  );
  mkdirSync(join(proc, 'sys', 'fs', 'inotify'), { recursive: true });
  writeFileSync(join(proc, 'sys', 'fs', 'inotify', 'max_user_instances'), `${opts.max}\n`);
  opts.procs.forEach((p, i) => {
    const dir = join(proc, String(100 + i));
    mkdirSync(join(dir, 'fd'), { recursive: true });
    writeFileSync(join(dir, 'status'), `Name:\tx\nUid:\t${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}\n`);
    for (let f = 0; f < p.inotify; f++) symlinkSync('anon_inode:inotify', join(dir, 'fd', String(f)));
    for (let f = 0; f < p.other; f++) symlinkSync('/dev/null', join(dir, 'fd', String(100 + f)));
  });
  return proc;
}

test('the readings of a fake /proc', () => {
  const proc = fakeProc({
    soft: '1024',
    hard: '524288',
    max: 128,
    procs: [
      { uid: 0, inotify: 3, other: 5 },
      { uid: 1000, inotify: 7, other: 1 },
    ],
  });
  expect(readOpenFiles(proc)).toEqual({ soft: 1024, hard: 524288 });
  expect(readInotify(proc, 0)).toEqual({ max: 128, used: 3 });
  expect(readInotify(proc, 1000)).toEqual({ max: 128, used: 7 });
});

test('near a limit: a warning with the fix; far from it: ok', () => {
  const tight = judgeHost(
    readHost({
      proc: fakeProc({ soft: '1024', hard: '4096', max: 128, procs: [{ uid: 0, inotify: 120, other: 0 }] }),
      uid: 0,
    }),
  );
  expect(tight.filter((c) => !c.ok).map((c) => c.check)).toEqual(['open-files', 'inotify']);
  expect(tight.find((c) => c.check === 'inotify')!.reading).toBe(
    'inotify instances: 120 of 128 in use (fs.inotify.max_user_instances)',
  );
  expect(tight.find((c) => c.check === 'inotify')!.fix).toContain('max_user_instances=8192');
  const roomy = judgeHost(
    readHost({
      proc: fakeProc({
        soft: 'unlimited',
        hard: 'unlimited',
        max: 8192,
        procs: [{ uid: 0, inotify: 4, other: 0 }],
      }),
      uid: 0,
    }),
  );
  expect(roomy.every((c) => c.ok)).toBe(true);
});

test('disk: little free space is a warning', () => {
  expect(judgeHost({ disk: { path: '/var/lib/docker', free: 2e9, total: 100e9 } })[0]).toMatchObject({
    check: 'disk',
    ok: false,
  });
  expect(judgeHost({ disk: { path: '/var/lib/docker', free: 50e9, total: 100e9 } })[0]).toMatchObject({
    ok: true,
  });
});

test('this machine’s real /proc can be read', () => {
  const r = readHost();
  expect(r.openFiles?.soft).toBeGreaterThan(0);
  expect(r.inotify?.max).toBeGreaterThan(0);
});

describe('host checks beside the build', () => {
  const check: HostCheck = { check: 'disk', ok: false, reading: 'disk: 1.0 GB free', fix: 'free space' };
  const counted = () => {
    const calls = { n: 0 };
    return { calls, read: async () => (calls.n++, [check]) };
  };

  test('a successful build that ends before the delay is not read at all', async () => {
    const { calls, read } = counted();
    const host = deferredHostChecks(read, 60_000);
    expect(await host.settle(true)).toEqual([]);
    expect(calls.n).toBe(0);
  });

  test('a failed build that ends before the delay is read after it', async () => {
    const { calls, read } = counted();
    const host = deferredHostChecks(read, 60_000);
    expect(await host.settle(false)).toEqual([check]);
    expect(calls.n).toBe(1);
  });

  test('a build still running at the delay is read beside it, once, whatever its result', async () => {
    const { calls, read } = counted();
    const host = deferredHostChecks(read, 5);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.n).toBe(1);
    expect(await host.settle(true)).toEqual([check]);
    expect(calls.n).toBe(1);
  });

  test('a reading that fails is no reading, not an error', async () => {
    const host = deferredHostChecks(() => Promise.reject(new Error('docker info: exit 1')), 60_000);
    expect(await host.settle(false)).toEqual([]);
  });
});
