// Host preflight for nodes on this host (docker and docker-container drivers): BuildKit crashed at
// start-up when the host ran out of file descriptors or inotify instances (fixed in BuildKit
// 0.20.1), and builds fail late on a full disk. Readings come from /proc (a root the tests can
// fake) and statfs; the judgement is a pure function of them.
import { readdirSync, readlinkSync, statfsSync } from 'node:fs';
import { readBounded } from '../fsio/read.js';
import { join } from 'node:path';

export interface HostReadings {
  /** Soft and hard limits of open files (`Max open files` of /proc/self/limits). */
  openFiles?: { soft: number; hard: number };
  /** fs.inotify.max_user_instances, and the instances this user's processes hold. */
  inotify?: { max: number; used: number };
  /** Docker's data root and its free and total bytes. */
  disk?: { path: string; free: number; total: number };
}

export type { HostCheck } from '../types/host.js';
import type { HostCheck } from '../types/host.js';

function readNumber(path: string): number | undefined {
  try {
    const n = Number(readBounded(path, 'proc').trim());
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

/** Open-file limits of this process: `Max open files  1024  1048576  files`. */
export function readOpenFiles(proc: string): HostReadings['openFiles'] {
  try {
    const m = readBounded(join(proc, 'self', 'limits'), 'proc').match(/^Max open files\s+(\S+)\s+(\S+)/m);
    if (!m) return undefined;
    const n = (v: string) => (v === 'unlimited' ? Infinity : Number(v));
    return { soft: n(m[1]), hard: n(m[2]) };
  } catch {
    return undefined;
  }
}

/** inotify instances held by processes of `uid` (each is an fd linked to `anon_inode:inotify`). */
export function readInotify(proc: string, uid: number): HostReadings['inotify'] {
  const max = readNumber(join(proc, 'sys', 'fs', 'inotify', 'max_user_instances'));
  if (max === undefined) return undefined;
  let used = 0;
  let pids: string[];
  try {
    pids = readdirSync(proc).filter((p) => /^\d+$/.test(p));
  } catch {
    return { max, used };
  }
  for (const pid of pids) {
    try {
      const owner = readBounded(join(proc, pid, 'status'), 'proc').match(/^Uid:\s+(\d+)/m)?.[1];
      if (Number(owner) !== uid) continue;
      for (const fd of readdirSync(join(proc, pid, 'fd'))) {
        if (readlinkSync(join(proc, pid, 'fd', fd)) === 'anon_inode:inotify') used++;
      }
    } catch {
      // A process that ended meanwhile, or one we may not look into.
    }
  }
  return { max, used };
}

export function readDisk(path: string): HostReadings['disk'] {
  try {
    const s = statfsSync(path);
    return { path, free: s.bavail * s.bsize, total: s.blocks * s.bsize };
  } catch {
    return undefined;
  }
}

/**
 * The host checks for a builder whose nodes run on this host (docker and docker-container drivers;
 * remote and kubernetes nodes run elsewhere): the data root from `docker info`.
 */
export async function hostChecks(
  driver: string,
  docker: (args: string[]) => Promise<{ code: number; stdout: string }>,
): Promise<HostCheck[]> {
  if (driver !== 'docker' && driver !== 'docker-container') return [];
  const info = await docker(['info', '--format', '{{.DockerRootDir}}']).catch(() => ({
    code: 1,
    stdout: '',
  }));
  const dataRoot = info.code === 0 ? info.stdout.trim() : undefined;
  return judgeHost(readHost({ dataRoot: dataRoot || undefined }));
}

/**
 * The host checks, read beside a build once it has run `delayMs`, or after it when it failed. A
 * short successful build (a warm cache) does not wait for `docker info` (the Docker CLI's start-up
 * and plugin scan, about 100 ms). A reading that fails is no reading.
 */
export function deferredHostChecks(
  read: () => Promise<HostCheck[]>,
  delayMs: number,
): { settle: (buildSucceeded: boolean) => Promise<HostCheck[]> } {
  let reading: Promise<HostCheck[]> | undefined;
  const start = () => (reading ??= read().catch(() => []));
  const timer = setTimeout(start, delayMs);
  timer.unref();
  return {
    settle(buildSucceeded) {
      clearTimeout(timer);
      return reading ?? (buildSucceeded ? Promise.resolve([]) : start());
    },
  };
}

export function readHost(opts: { proc?: string; uid?: number; dataRoot?: string } = {}): HostReadings {
  const proc = opts.proc ?? '/proc';
  return {
    openFiles: readOpenFiles(proc),
    inotify: readInotify(proc, opts.uid ?? process.getuid?.() ?? 0),
    ...(opts.dataRoot ? { disk: readDisk(opts.dataRoot) } : {}),
  };
}

const GB = 1e9;

/** Each reading judged: near its limit or not, with the fix. */
export function judgeHost(r: HostReadings): HostCheck[] {
  const out: HostCheck[] = [];
  if (r.openFiles) {
    const { soft, hard } = r.openFiles;
    out.push({
      check: 'open-files',
      // The crashes seen in the wild were at limits like 1024; runners have 65536.
      ok: soft >= 8_192,
      reading: `open files: soft limit ${soft}, hard ${hard}`,
      fix: 'raise the open-file limit for the daemon (LimitNOFILE=1048576 in its systemd unit, or ulimit -n) before it starts',
    });
  }
  if (r.inotify) {
    const { max, used } = r.inotify;
    out.push({
      check: 'inotify',
      ok: used < max * 0.8,
      reading: `inotify instances: ${used} of ${max} in use (fs.inotify.max_user_instances)`,
      fix: 'sysctl -w fs.inotify.max_user_instances=8192 (and persist it in /etc/sysctl.d); BuildKit before 0.20.1 crashes when it cannot get one',
    });
  }
  if (r.disk) {
    const { path, free, total } = r.disk;
    out.push({
      check: 'disk',
      ok: free >= 5 * GB && free >= total * 0.1,
      reading: `disk: ${(free / GB).toFixed(1)} GB free of ${(total / GB).toFixed(1)} GB at ${path}`,
      fix: 'free space (docker builder prune, docker image prune) or give Docker a larger disk',
    });
  }
  return out;
}
