// Build output is untrusted: a Dockerfile can print `::error::` or `::set-output`. While it streams,
// workflow commands are stopped with a random token nobody can guess, so the runner prints such
// lines as text.
import { randomBytes } from 'node:crypto';

export class UntrustedOutput {
  private token?: string;
  constructor(private readonly write: (text: string) => void) {}

  /** Prints one line of build output, stopping workflow commands first if they are not yet. */
  line(text: string): void {
    if (!this.token) {
      this.token = randomBytes(16).toString('hex');
      this.write(`::stop-commands::${this.token}\n`);
    }
    this.write(`${text}\n`);
  }

  /** Resumes workflow commands; call before the action itself prints a command again. */
  close(): void {
    if (!this.token) return;
    this.write(`::${this.token}::\n`);
    this.token = undefined;
  }
}
