// A build's analysis as JUnit XML, for CI systems that show test reports (GitLab's `junit` report
// artifact, Jenkins, CircleCI, Azure Pipelines). One test case is the build itself: it fails with the
// error, its category, whether it is retryable, the failing Dockerfile line and the step's last lines.
// Each finding at warning or error level is a failed test case of its rule; a notice is a passed case
// with its text as output. The build-failed finding is the build's own case, not listed twice.
import type { Analysis } from '../findings/analyze.js';
import type { Finding } from '../findings/types.js';
import { plainText } from './annotations.js';

// Characters XML 1.0 cannot hold: C0 controls but tab, LF and CR; lone surrogates; U+FFFE/U+FFFF.
/* eslint-disable no-control-regex -- these are the characters it finds */
const NOT_XML = new RegExp(
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|[\\ud800-\\udfff]',
  'gu',
);
/* eslint-enable no-control-regex */

/** Text for XML: the five entities, and characters XML 1.0 cannot hold shown as `\uXXXX`. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function buildCase(a: Analysis, dockerfile: string): string {
  const open = `    <testcase${attrs({ classname: 'buildx-guard', name: 'build', file: a.failure?.file ?? dockerfile, line: a.failure?.line, time: seconds(a.stats.durationMs) })}>`;
  if (a.status === 'success') return `${open}</testcase>`;
  if (a.status === 'unknown')
    return `${open}\n      <skipped${attrs({ message: 'no build verdict in this log' })}/>\n    </testcase>`;
  const f = a.failure;
  const where = f?.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '';
  const body = [
    `category: ${f?.category ?? 'unknown'} (${f?.retryable ? 'transient: retryable' : 'not retryable'})`,
    ...(where || f?.lineText || f?.step
      ? [`at ${[where, f?.lineText ?? f?.step].filter(Boolean).join(': ')}`]
      : []),
    `error: ${f?.message ?? 'the build failed'}`,
    ...(f?.lastLines?.length ? ['last lines of the step:', ...f.lastLines.map((l) => `  | ${l}`)] : []),
  ].join('\n');
  return `${open}\n      <failure${attrs({ type: f?.category ?? 'unknown', message: f?.message ?? 'the build failed' })}>${xmlText(body)}</failure>\n    </testcase>`;
}

function findingCase(f: Finding, dockerfile: string): string {
  const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : dockerfile;
  const text = `${plainText(f.message)}${f.hint ? `\n\nHint: ${f.hint}` : ''}`;
  const open = `    <testcase${attrs({ classname: `buildx-guard.${f.rule}`, name: `${where} ${f.title}`, file: f.file ?? dockerfile, line: f.line })}>`;
  if (f.severity === 'notice')
    return `${open}\n      <system-out>${xmlText(text)}</system-out>\n    </testcase>`;
  return `${open}\n      <failure${attrs({ type: f.severity, message: f.title })}>${xmlText(text)}</failure>\n    </testcase>`;
}

export function toJUnit(a: Analysis, dockerfile = 'Dockerfile'): string {
  const findings = a.findings.filter((f) => f.rule !== 'build-failed');
  const cases = [buildCase(a, dockerfile), ...findings.map((f) => findingCase(f, dockerfile))];
  const failures = (a.status === 'failed' ? 1 : 0) + findings.filter((f) => f.severity !== 'notice').length;
  const counts = {
    tests: cases.length,
    failures,
    errors: 0,
    skipped: a.status === 'unknown' ? 1 : 0,
    time: seconds(a.stats.durationMs),
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'buildx-guard', ...counts })}>`,
    `  <testsuite${attrs({ name: 'buildx-guard', ...counts })}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
}
