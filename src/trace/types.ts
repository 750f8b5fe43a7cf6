/** One build step (a BuildKit vertex) as a Docker user reads it: `[stage 2/4] RUN make`. */
export interface Step {
  /** Order of first appearance, 1-based: the `#N` of plain progress. */
  number: number;
  /** Vertex digest (rawjson) or `#N` (plain). */
  id: string;
  name: string;
  /** `[internal] …`, `exporting to image`, `[auth] …`: not a Dockerfile instruction. */
  internal: boolean;
  stage?: string;
  platform?: string;
  /** Position in its stage, `[stage 2/4]` → { index: 2, total: 4 }. */
  index?: number;
  total?: number;
  /** The instruction text after the bracket: `RUN make`. */
  instruction?: string;
  startedMs?: number;
  completedMs?: number;
  durationMs?: number;
  cached: boolean;
  error?: string;
  /** The last lines the step printed (bounded). */
  logTail: string[];
  logLines: number;
}

export interface BuildWarning {
  /** The build check's name, `FromAsCasing`, when buildx gives one. */
  rule: string;
  level: number;
  message: string;
  detail: string[];
  url?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
}

/** The Dockerfile excerpt buildx prints under a failure (`Dockerfile:9`, `>>>` marks the line). */
export interface Excerpt {
  file: string;
  line: number;
  lines: string[];
}

export interface BuildTrace {
  format: 'rawjson' | 'plain' | 'unknown';
  steps: Step[];
  warnings: BuildWarning[];
  /** Largest build context transfer seen, in bytes. */
  contextBytes: number;
  platforms: string[];
  startedMs?: number;
  completedMs?: number;
  durationMs: number;
  /** The final `ERROR:` text, without the prefix. */
  error?: string;
  excerpt?: Excerpt;
  /** Lines that were neither progress JSON nor plain progress (kept as a count, not held). */
  unreadLines: number;
  /** Lines of the log after the last progress line (bounded): buildx's own messages. */
  tail: string[];
}
