// The line that says a build failed, in every spelling users have: buildx (`ERROR: failed to
// solve`, `ERROR: failed to build`), older buildx, buildctl and nerdctl (`error: failed to solve`),
// compose and `docker build` (bare `failed to solve:`), docker/build-push-action's wrapper
// (`Error: buildx failed with: …`), bake (`ERROR: target <name>: …`), GitHub annotations
// (`##[error]…`), the legacy builder (`The command … returned a non-zero code`, `COPY failed:`,
// `Error response from daemon:`), compose v1 (`ERROR: Service 'x' failed to build`) and the docker
// CLI of Docker 20.10 with BuildKit (a bare `executor failed running […]: exit code: N` or
// `failed to compute cache key: …`).

export interface FinalLine {
  /** The error without the prefixes buildx and wrappers add. */
  text: string;
  /**
   * How much the line says: 3 is buildx's (or the legacy builder's) own error, 2 a wrapper that
   * repeats or summarises it, 1 a bare exit status. The trace keeps the last line of the highest rank.
   */
  rank: 1 | 2 | 3;
  /** Bake names the target that failed. */
  target?: string;
}

const WRAPPER = /^(?:Error: )?buildx(?: bake)? failed with: (.*)$/;

/**
 * A tool that ran buildx reporting only that a command exited non-zero, in its own `error:` line
 * (just's `error: Recipe \`x\` failed with exit code 1`, the Actions toolkit's `Error: The process
 * '/usr/bin/docker' failed with exit code 1`, Buildkite's `Error: The command exited with status 1`):
 * a bare exit status, like GitHub's `Process completed with exit code`, never buildx's own error.
 */
const EXIT_STATUS_ONLY = /^.{0,200}\b(?:failed with exit code|exited with (?:exit )?(?:code|status)) \d+\.?$/;

/** Reads a normalized line (see normalizeLine); undefined when it is not a final error line. */
export function readFinalLine(line: string): FinalLine | undefined {
  if (line.startsWith('##[error]')) return readFinalLine(line.slice(9)) ?? { text: line.slice(9), rank: 2 };
  const wrapped = line.match(WRAPPER);
  if (wrapped) {
    const inner = readFinalLine(wrapped[1]);
    return { ...(inner ?? { text: wrapped[1] }), rank: 2 };
  }
  const exit = line.match(/^Error: Process completed with exit code (\d+)\.?$/);
  if (exit) return exit[1] === '0' ? undefined : { text: `the process exited with code ${exit[1]}`, rank: 1 };
  const target = line.match(/^ERROR: target ([^\s:]+): (.*)$/);
  if (target) return { text: target[2], rank: 3, target: target[1] };
  const compose = line.match(/^ERROR: Service '([^']+)' failed to build(.*)$/);
  // It follows the builder's own error and only summarises it.
  if (compose) {
    const rest = compose[2].replace(/^[\s:]+/, '');
    return { text: rest || `service '${compose[1]}' failed to build`, rank: 2 };
  }
  const prefixed = line.match(/^(?:ERROR|Error|error): (.*)$/);
  // Both of EXIT_STATUS_ONLY's wordings hold ` with `: a literal search before the regex.
  if (prefixed)
    return {
      text: prefixed[1],
      rank: prefixed[1].includes(' with ') && EXIT_STATUS_ONLY.test(prefixed[1]) ? 1 : 3,
    };
  if (
    /^failed to (?:solve|build)(?: with frontend [\w.]+)?: /.test(line) ||
    // compose prints the lost status stream bare, as its last line.
    /^failed to (?:receive|get) status: rpc error: /.test(line) ||
    // The docker CLI of Docker 20.10 prints the solve's error bare after the summary: a failed RUN
    // (`executor failed running [...]`) or a COPY source missing (`failed to compute cache key: `).
    /^(?:executor failed running \[|failed to compute cache key: )/.test(line) ||
    /^The command '.*' returned a non-zero code: \d+/.test(line) ||
    /^(?:COPY|ADD) failed: /.test(line) ||
    /^Error response from daemon: /.test(line) ||
    /^unable to prepare context: /.test(line)
  ) {
    return { text: line, rank: 3 };
  }
  return undefined;
}
