/** One build step (a BuildKit vertex) as a Docker user reads it: `[stage 2/4] RUN make`. */
export interface Step {
  /** Order of first appearance, 1-based: the `#N` of plain progress. */
  number: number;
  /** Vertex digest (rawjson) or `#N` (plain). */
  id: string;
  name: string;
  /** `[internal] …`, `exporting to image`, `[auth] …`: not a Dockerfile instruction. */
  internal: boolean;
  /** The bake target the step belongs to: bake of several targets names steps `[test 2/3] RUN …`. */
  target?: string;
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
  /** The step finished (done, cached, failed or cancelled), as far as the log shows. */
  done?: boolean;
  /** Cancelled because another step failed (`CANCELED`): a consequence, not the failure. */
  canceled?: boolean;
  error?: string;
  /** BuildKit clipped its output (`[output clipped, log limit 2MiB reached]`): the limit named. */
  clipped?: string;
  /** Its log lines came only from the failure summary (the log did not stream them). */
  summaryOnly?: boolean;
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
  /** The progress format read: rawjson, plain, the interactive display (tty), the legacy builder, `--call=check`. */
  format: 'rawjson' | 'plain' | 'tty' | 'legacy' | 'check' | 'unknown';
  steps: Step[];
  warnings: BuildWarning[];
  /** Largest build context transfer seen, in bytes. */
  contextBytes: number;
  platforms: string[];
  startedMs?: number;
  completedMs?: number;
  durationMs: number;
  /** The final error line's text, without the prefixes buildx and wrappers add (final-line.ts). */
  error?: string;
  /** The bake target the final error names (`ERROR: target <name>: …`). */
  errorTarget?: string;
  /** The bake targets the log names (each target's `[<target> internal] load build definition`). */
  targets?: string[];
  /** A `panic:` or `fatal error:` of buildx itself was printed. */
  crashed?: boolean;
  /** Lines longer than the reader keeps (1 MiB), cut there. */
  truncatedLines?: number;
  /** The input had NUL bytes: a binary file, not a build log. */
  binary?: boolean;
  /** `--call=check`'s verdict. */
  check?: { warnings: number };
  excerpt?: Excerpt;
  /** Lines that were neither progress JSON nor plain progress (kept as a count, not held). */
  unreadLines: number;
  /** The failure's error and Dockerfile line came from the build record (src/trace/record.ts). */
  recordUse?: { ref: string; error: boolean; line: boolean };
  /** Lines of the log after the last progress line (bounded): buildx's own messages. */
  tail: string[];
}
