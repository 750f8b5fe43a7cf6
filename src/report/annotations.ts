// Findings as workflow annotations. GitHub shows at most 10 per level per step and 50 per job, so
// findings are ranked (errors first, then by impact), de-duplicated, and the rest are counted.
import { isAbsolute, relative, resolve } from 'node:path';
import type { Finding, Severity } from '../findings/types.js';

export const PER_LEVEL = 10;
export const PER_JOB = 50;

export interface AnnotationSelection {
  shown: Finding[];
  omitted: number;
}

export function selectAnnotations(findings: Finding[]): AnnotationSelection {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.rule}|${f.file ?? ''}|${f.line ?? ''}|${f.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const count: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const shown: Finding[] = [];
  for (const f of unique) {
    if (count[f.severity] >= PER_LEVEL || shown.length >= PER_JOB) continue;
    count[f.severity]++;
    shown.push(f);
  }
  return { shown, omitted: findings.length - shown.length };
}

/** Annotation text is plain: Markdown fences and backticks removed. */
export function plainText(markdown: string): string {
  return (
    markdown
      .split('\n')
      .filter((l) => !/^`{3,}/.test(l))
      .join('\n')
      .replace(/`+/g, '')
      // Bold markers only: the redaction marker `***` stays.
      .replace(/\*\*([^*\n]+?)\*\*/g, '$1')
      .trim()
  );
}

/** A finding's file relative to the workspace, so annotations land on the PR's Files changed view. */
export function workspacePath(file: string, workspace: string, cwd = process.cwd()): string {
  const abs = isAbsolute(file) ? file : resolve(cwd, file);
  const rel = relative(workspace, abs);
  return rel.startsWith('..') ? file : rel.split('\\').join('/');
}
