// The one place src/ reads a file (lint forbids node:fs's read functions everywhere else).
// A file the action reads may come from the pull request (a Dockerfile, a bake file and the
// Dockerfiles it names), so it may be a symbolic link to /dev/zero or a FIFO: each read opens
// without blocking (O_NONBLOCK: a FIFO with no writer opens at once), checks the opened file
// (fstat: a regular file only, so /dev/zero, a FIFO, a socket or a folder is refused) and reads at
// most its cap + 1 bytes (a file past the cap is refused, never read whole).
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { Readable } from 'node:stream';

const MiB = 1 << 20;

/** What is read, with its cap in bytes and the words that name it in a refusal. */
export const READ_LIMITS = {
  dockerfile: { cap: 4 * MiB, what: 'The Dockerfile' },
  'bake-file': { cap: 4 * MiB, what: 'The bake file' },
  'secret-file': { cap: 1 * MiB, what: 'The secret file' },
  baseline: { cap: 4 * MiB, what: 'The baseline file' },
  /** The flake ledger (docs/ledger.md): twice its 256 KB bound, so an entry over it is read and refused by size. */
  ledger: { cap: 512 * 1024, what: 'The ledger file' },
  metadata: { cap: 16 * MiB, what: 'The build metadata file' },
  'image-id': { cap: 64 * 1024, what: 'The image ID file' },
  event: { cap: 64 * MiB, what: 'The event file (GITHUB_EVENT_PATH)' },
  'docker-config': { cap: 4 * MiB, what: 'The Docker config file' },
  proc: { cap: 1 * MiB, what: 'The /proc file' },
  /** buildx's reference of a build (`refs/<builder>/<node>/<id>`): only its head is read. */
  'build-ref': { cap: 64 * 1024, what: 'The buildx build reference file' },
  /** A build log (`analyze --log`): streamed, so no cap; only the kind of file is checked. */
  log: { cap: Number.POSITIVE_INFINITY, what: 'The log file' },
} as const;

export type ReadKind = keyof typeof READ_LIMITS;

/** A file refused before (or instead of) being read: its message is one actionable sentence. */
export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly reason: 'not-regular' | 'too-big',
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function mib(bytes: number): string {
  return bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes / 1024} KiB`;
}

function notRegular(kind: ReadKind, path: string, st: Stats): UnreadableFileError {
  return new UnreadableFileError(
    `${READ_LIMITS[kind].what} ${path} is not a regular file (${kindOf(st)}); point it at a regular file (a symbolic link must end at one).`,
    path,
    'not-regular',
  );
}

function tooBig(kind: ReadKind, path: string): UnreadableFileError {
  const { what, cap } = READ_LIMITS[kind];
  return new UnreadableFileError(
    `${what} ${path} is over ${mib(cap)}, the most this action reads of it; check that the path names the right file.`,
    path,
    'too-big',
  );
}

/** Opens without blocking on a FIFO and checks the opened file is regular; returns the fd. */
function openRegular(path: string, kind: ReadKind, shown = path): number {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(kind, shown, st);
    return fd;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/**
 * Checks, without reading it, that a file another program will read (buildx reads the Dockerfile
 * and the bake files) is a regular file within the kind's cap: one sentence when it is not.
 */
export function checkReadable(path: string, kind: ReadKind, shown = path): void {
  const fd = openRegular(path, kind, shown);
  try {
    if (fstatSync(fd).size > READ_LIMITS[kind].cap) throw tooBig(kind, shown);
  } finally {
    closeSync(fd);
  }
}

/** Reads a regular file of at most the kind's cap, as bytes. */
export function readBoundedBytes(path: string, kind: ReadKind): Buffer {
  const cap = READ_LIMITS[kind].cap;
  const fd = openRegular(path, kind);
  try {
    // At most cap + 1 bytes, whatever the size fstat gave (a file can grow while it is read).
    const limit = Number.isFinite(cap) ? cap + 1 : Number.MAX_SAFE_INTEGER;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > cap) throw tooBig(kind, path);
      if (total >= limit) break;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Reads a regular file of at most the kind's cap, as UTF-8 text. */
export function readBounded(path: string, kind: ReadKind): string {
  return readBoundedBytes(path, kind).toString('utf8');
}

/** The first `bytes` bytes of a regular file (a sniff, e.g. for a NUL byte). */
export function readHead(path: string, kind: ReadKind, bytes: number): Buffer {
  const fd = openRegular(path, kind);
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * A stream of a regular file (a big log is streamed, not held): a FIFO or a device is refused
 * before anything waits on it. stdin by intent is the caller's own stream, not a path.
 */
export function openBoundedStream(path: string, kind: ReadKind): Readable {
  const fd = openRegular(path, kind);
  return createReadStream('', { fd, autoClose: true });
}
