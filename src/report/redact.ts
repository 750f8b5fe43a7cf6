// Secrets never reach a report. Redaction runs once, on the report model, before any channel renders
// it (annotations, comment, summary, check run, SARIF, code quality, terminal, report files), and
// before Markdown or HTML escaping, so an escaped secret (`my\_s3cret`) cannot slip through. The
// redactor itself (every form of every secret) is src/redact/redact.ts, shared with the baseline.
import { Redactor, type Redacted } from '../redact/redact.js';
import type { ReportInput } from './model.js';

/** The report with every secret replaced in every string it holds; `secrets` itself is emptied. */
export function redactReport(input: ReportInput): Redacted<ReportInput> {
  return new Redactor(input.secrets).value({ ...input, secrets: [] });
}
