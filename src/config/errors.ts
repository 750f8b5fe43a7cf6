import { UnreadableFileError } from '../fsio/read.js';

/**
 * An error the user caused and can fix. Its message is one actionable sentence; the entry points
 * print it without a stack trace unless debug logging is on.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly input?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is Error {
  return e instanceof UserError || e instanceof UnreadableFileError;
}

/** `EISDIR: illegal operation on a directory, open '…'` → `it is a folder`. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    EISDIR: 'it is a folder',
    ENOENT: 'its folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    ELOOP: 'it is a symbolic link',
    ENOTDIR: 'a part of the path is not a folder',
  };
  return (code && words[code]) ?? (e instanceof Error ? e.message : String(e));
}
