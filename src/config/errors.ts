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

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
