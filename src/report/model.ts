import type { Analysis } from '../findings/analyze.js';
import type { Finding } from '../findings/types.js';
import type { LedgerEntry } from '../ledger/entry.js';
import type { LedgerSummary } from '../ledger/window.js';

/** Everything a report shows, gathered once by the action and rendered by each channel. */
export interface ReportInput {
  /** Identity of this build in the workflow (builder, target, Dockerfile): the sticky comment's key. */
  key: string;
  status: 'success' | 'failed' | 'unknown';
  failure?: {
    category: string;
    reason: string;
    message: string;
    retryable?: boolean;
    /** The build record the error (and its Dockerfile line, `line`) came from, when it did. */
    record?: { id: string; line: boolean };
  };
  attempts: {
    number: number;
    durationMs: number;
    exitCode: number;
    category?: string;
    decision?: string;
    /** bake-isolation targets: the bake the attempt belongs to. */
    bake?: string;
  }[];
  builder?: { name: string; driver: string };
  nodes: { name: string; endpoint: string; status: string; buildkit: string; platforms: string[] }[];
  findings: Finding[];
  stats: Analysis['stats'];
  /** Step timings for the chart, in build order. */
  steps: {
    label: string;
    /** The bake target, in a bake of several. */
    target?: string;
    id?: string;
    startMs?: number;
    durationMs: number;
    cached: boolean;
    failed: boolean;
  }[];
  /** `clipped`: the limit BuildKit clipped the step's output at (`2MiB`). */
  failingLog?: { step: string; lines: string[]; clipped?: string };
  /** For links to Dockerfile lines at the head commit and to the run. */
  links?: { serverUrl: string; owner: string; repo: string; sha: string; runUrl: string };
  /** Values that must never appear in a report (secrets given to the build). */
  secrets: string[];
  /** Findings not shown as annotations because of GitHub's per-step limits. */
  omittedAnnotations?: number;
  /** A bake's targets: how each ended and the image it produced. */
  targets?: {
    name: string;
    status: string;
    digest: string;
    /** bake-isolation targets: its bake's attempts, and the category when it failed. */
    attempts?: number;
    category?: string;
  }[];
  /** A merge (`merge-sources`) instead of a build: what went in and what came out. */
  merge?: { sources: string[]; tags: string[]; platforms: string[]; digest: string };
  /** The previous build's step durations by step id (baseline), for before/after in the chart. */
  baseline?: Map<string, number>;
  /** The flake ledger: the window's counts and this run's incidents (docs/ledger.md). */
  ledger?: { summary: LedgerSummary; entry: LedgerEntry };
}
