// A readable, plain-style view of a rawjson build for the job log, as `--progress=plain` would print.
import type { TraceEvent } from '../trace/parser.js';

export function renderEvent(e: TraceEvent): string | undefined {
  switch (e.kind) {
    case 'started':
      return `#${e.step.number} ${e.step.name}`;
    case 'log': {
      const t = e.step.startedMs !== undefined ? ((Date.now() - e.step.startedMs) / 1000).toFixed(3) : '';
      return `#${e.step.number} ${t ? `${t} ` : ''}${e.line}`;
    }
    case 'completed':
      if (e.step.error) return `#${e.step.number} ERROR: ${e.step.error}`;
      if (e.step.cached) return `#${e.step.number} CACHED`;
      return `#${e.step.number} DONE ${((e.step.durationMs ?? 0) / 1000).toFixed(1)}s`;
    case 'text':
      return e.line;
  }
}
