import type { FailedNode } from '../types/builder.js';
import type { Stall } from '../diagnosis/stall.js';
import type { HostCheck } from '../types/host.js';
import type { Classification } from '../diagnosis/categories.js';
import type { BuildTrace } from '../trace/types.js';
import type { DockerfileModel } from './dockerfile.js';
import type { Md } from './markdown-escape.js';

export type Severity = 'error' | 'warning' | 'notice';

/** One thing worth telling the person reading the pull request, anchored to a file line if it can be. */
export interface Finding {
  /** A stable, documented id (docs/findings.md): `build-failed`, `lint/FromAsCasing`, … */
  rule: string;
  severity: Severity;
  title: string;
  /** Markdown made by markdown-escape.ts (`gfm`, `code`, `codeBlock`, `text`): untrusted text cannot be in it unescaped. */
  message: Md;
  file?: string;
  line?: number;
  endLine?: number;
  hint?: string;
  url?: string;
  /** The bake target it concerns, in a bake. */
  target?: string;
  /** Milliseconds of build time at stake, to rank findings of one severity. */
  impactMs?: number;
  /**
   * Made from earlier runs (the flake ledger's window), not from this build: shown everywhere,
   * never counted by `fail-on-findings` (nothing in this build can change it).
   */
  history?: true;
}

/** One attempt as the findings see it. */
export interface AttemptSummary {
  number: number;
  classification?: Classification;
  decision?: string;
  /** The text the failure was classified on (failing step's log tail and buildx's closing lines). */
  errorText?: string;
  /** The stall watchdog stopped this attempt. */
  stall?: Stall;
}

/** A node that did not reach `running`, as the strict bootstrap describes it. */
export type NodeProblem = FailedNode;

export interface FindingOptions {
  contextSizeWarnMb: number;
  slowStepShare: number;
  slowStepMinMs: number;
  slowStepMax: number;
  logLines: number;
}

export const DEFAULT_OPTIONS: FindingOptions = {
  contextSizeWarnMb: 50,
  slowStepShare: 0.2,
  slowStepMinMs: 1000,
  slowStepMax: 3,
  logLines: 15,
};

export interface FindingContext {
  trace: BuildTrace;
  /**
   * The first attempt's trace, when there were several: a retry sees what the first attempt rebuilt
   * as cached, so the cache break is judged on the first.
   */
  firstTrace?: BuildTrace;
  dockerfile?: DockerfileModel;
  /** A bake's Dockerfiles by target (steps are mapped to their target's); `dockerfile` is then unused for targeted steps. */
  dockerfiles?: Record<string, DockerfileModel>;
  /** The failure's classification (shared classifier), when the build failed. */
  failure?: Classification;
  attempts: AttemptSummary[];
  nodes: NodeProblem[];
  /** Host checks of nodes on this host (docker, docker-container drivers). */
  host: HostCheck[];
  options: FindingOptions;
}

/** A findings rule: one small file, a pure check. */
export interface Rule {
  id: string;
  /** One sentence of what it detects (docs/findings.md). */
  description: string;
  check(ctx: FindingContext): Finding[];
}
