// What the builder stage needs from outside (buildx, the version, output), and its failures.
import type { Buildx, BuildxVersion } from '../buildx/buildx.js';
import type { FailedNode } from '../types/builder.js';
import type { BuilderState } from './state.js';

export interface BuilderDeps {
  buildx: Buildx;
  /** buildx's version, asked for concurrently and awaited only where a parser depends on it. */
  version: Promise<BuildxVersion>;
  /** Private folder for TLS material and inline BuildKit configs, removed by cleanup. */
  tempDir: string;
  env: NodeJS.ProcessEnv;
  info: (line: string) => void;
  debug: (line: string) => void;
  setSecret?: (value: string) => void;
  sleep?: (ms: number) => Promise<void>;
  /** The waits between quick probes of tcp:// nodes (QUICK_PROBE_DELAYS_MS unless set). */
  quickProbeDelaysMs?: number[];
}

export type { FailedNode } from '../types/builder.js';

/**
 * The one bound every bootstrap message states: `bootstrap-timeout` covers creating, booting and
 * verifying the nodes (plus at most STATUS_READ_MIN_MS for the last status read).
 */
export function bootstrapBound(config: { bootstrapTimeoutSeconds: number }): string {
  return `${config.bootstrapTimeoutSeconds} s (bootstrap-timeout)`;
}

/** The builder's nodes are not all running; the message names each one. */
export class NodesDownError extends Error {
  constructor(
    readonly builder: string,
    readonly failed: FailedNode[],
    readonly total: number,
    /** Why the builder as a whole is unusable, when buildx lists no node to blame. */
    readonly builderError?: string,
    /** Every node as the last check saw it, the running ones too (the `nodes` output, doctor's table). */
    readonly state?: BuilderState,
  ) {
    super(
      failed.length === 0
        ? `Builder '${builder}' has no node that is running: ${builderError || 'buildx lists no nodes for it'}.`
        : `${failed.length} of ${total} node${total === 1 ? '' : 's'} of builder '${builder}' ${failed.length === 1 ? 'is' : 'are'} not running:\n` +
            failed
              .map(
                (f) =>
                  `- node '${f.name}' (${f.driver}, ${f.endpoint || 'default endpoint'}): ${f.status || 'unknown'}, ${f.reason}. Hint: ${f.hint}.`,
              )
              .join('\n'),
    );
    this.name = 'NodesDownError';
  }
}

export interface BuilderSetup {
  name: string;
  driver: string;
  state: BuilderState;
}
