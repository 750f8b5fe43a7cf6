// Findings as GitLab's code-quality JSON (a `codequality` report artifact).
import type { Finding } from '../findings/types.js';
import { plainText } from './annotations.js';
import { fingerprint } from './sarif.js';

const SEVERITY = { error: 'critical', warning: 'major', notice: 'info' } as const;

/** GitLab's code-quality report (a JSON array); every entry needs a path, so file-less findings use the Dockerfile. */
export function toCodeQuality(findings: Finding[], dockerfile = 'Dockerfile'): object[] {
  return findings.map((f) => ({
    description: `${f.title}${f.hint ? ` — ${f.hint}` : ''}`,
    check_name: f.rule,
    fingerprint: fingerprint(f),
    severity: SEVERITY[f.severity],
    location: { path: f.file ?? dockerfile, lines: { begin: f.line ?? 1, end: f.endLine ?? f.line ?? 1 } },
    // The whole finding (for a failed build: the error, its category and the step's last lines), as
    // Code Climate's `content.body`, which GitLab keeps with the entry.
    content: { body: plainText(f.message) },
  }));
}
