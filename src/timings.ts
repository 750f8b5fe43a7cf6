// Where a run's time goes, phase by phase (`debug: true` in the action, `--timings` on the CLI).
// The first phase starts at the process's start, so it includes Node's start-up and module loading.
import { performance } from 'node:perf_hooks';

export class Timings {
  private last = 0;
  private readonly rows: [string, number][] = [];

  /** Ends the phase that ran since the previous mark. */
  mark(phase: string): void {
    const now = performance.now();
    this.rows.push([phase, now - this.last]);
    this.last = now;
  }

  toString(): string {
    const rows = this.rows.map(([p, ms]) => `${p} ${Math.round(ms)} ms`);
    return `Timings: ${rows.join(', ')}; total ${Math.round(this.last)} ms since the process started.`;
  }
}
