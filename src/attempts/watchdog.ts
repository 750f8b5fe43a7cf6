// The stall watchdog: buildx can wait forever on a BuildKit node that stopped answering (its TCP
// connection open, nothing coming back). When the build's progress has been silent for
// stall-timeout-seconds, the nodes are probed: a node that answers means a quiet step (a long
// compile that prints nothing) and the build goes on; a node that does not means a stall, and the
// attempt is stopped so the retry loop can decide. Silence while a push or an export to a registry
// runs, with every node answering, is the registry's: a registry stall, stopped the same way (a
// registry that accepts the manifest and never answers would otherwise hold the push for ever).
import { isRegistryStep, type SilentNode, type Stall } from '../diagnosis/stall.js';

export {
  describeStall,
  registryHostIn,
  stallClassification,
  type SilentNode,
  type Stall,
} from '../diagnosis/stall.js';

export interface StallWatchOptions {
  timeoutMs: number;
  /** Probes the nodes serving the build; resolves with those that did not answer. */
  probe: () => Promise<SilentNode[]>;
  /** The step running now, for the messages. */
  runningStep: () => string | undefined;
  /** A healthy quiet step, said once. */
  onQuiet: (step: string | undefined, quietMs: number) => void;
  onStall: (stall: Stall) => void;
  /** Whether the running step waits on a registry (default: its name says so; a merge: always). */
  waitsOnRegistry?: (step: string | undefined) => boolean;
  /** The registry host the output named last, for the message. */
  registryHost?: () => string | undefined;
  now?: () => number;
}

export class StallWatch {
  private last: number;
  private probing = false;
  private quietSaid = false;
  private timer?: NodeJS.Timeout;
  stall?: Stall;

  constructor(private readonly opts: StallWatchOptions) {
    this.last = this.now();
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** Progress arrived (any output of buildx). */
  progress(): void {
    this.last = this.now();
    this.quietSaid = false;
  }

  start(): void {
    const every = Math.min(5_000, Math.max(250, Math.floor(this.opts.timeoutMs / 5)));
    this.timer = setInterval(() => void this.check(), every);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One look: probe when the build has been silent for the timeout. */
  async check(): Promise<void> {
    if (this.probing || this.stall) return;
    const quietMs = this.now() - this.last;
    if (quietMs < this.opts.timeoutMs) return;
    this.probing = true;
    let silent: SilentNode[];
    try {
      silent = await this.opts.probe();
    } catch (e) {
      silent = [{ name: '?', endpoint: '', reason: e instanceof Error ? e.message : String(e) }];
    } finally {
      this.probing = false;
    }
    // Progress while the probe ran: not a stall.
    if (this.now() - this.last < this.opts.timeoutMs) return;
    const step = this.opts.runningStep();
    const registry = !silent.length && (this.opts.waitsOnRegistry ?? isRegistryStep)(step);
    if (!silent.length && !registry) {
      if (!this.quietSaid) this.opts.onQuiet(step, quietMs);
      this.quietSaid = true;
      return;
    }
    const host = registry ? this.opts.registryHost?.() : undefined;
    this.stall = {
      nodes: silent,
      step,
      quietMs: this.now() - this.last,
      ...(registry ? { registry: host ? { host } : {} } : {}),
    };
    this.stop();
    this.opts.onStall(this.stall);
  }
}
