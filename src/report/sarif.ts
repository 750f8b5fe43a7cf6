// Findings as SARIF 2.1.0 (code scanning).
import { createHash } from 'node:crypto';
import { RULE_METADATA } from '../findings/index.js';
import type { Finding } from '../findings/types.js';
import { plainText } from './annotations.js';

const LEVEL = { error: 'error', warning: 'warning', notice: 'note' } as const;

export function toSarif(findings: Finding[], version: string): object {
  const ruleIds = [...new Set(findings.map((f) => f.rule))];
  const describe = (id: string) =>
    RULE_METADATA.find((r) => r.id === id || (r.id.startsWith('lint/') && id.startsWith('lint/')));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'buildx-guard',
            version,
            informationUri: 'https://github.com/buildx-guard/buildx-guard',
            rules: ruleIds.map((id) => {
              const url = findings.find((f) => f.rule === id && f.url)?.url;
              return {
                id,
                shortDescription: { text: describe(id)?.description ?? id },
                ...(url ? { helpUri: url } : {}),
              };
            }),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: LEVEL[f.severity],
          message: { text: `${f.title}\n\n${plainText(f.message)}${f.hint ? `\n\nHint: ${f.hint}` : ''}` },
          ...(f.file
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: f.file },
                      ...(f.line ? { region: { startLine: f.line, endLine: f.endLine ?? f.line } } : {}),
                    },
                  },
                ],
              }
            : {}),
          partialFingerprints: { primaryLocationLineHash: fingerprint(f) },
        })),
      },
    ],
  };
}

/** A finding's stable identity across runs (rule, place, title): SARIF and code quality share it. */
export function fingerprint(f: Finding): string {
  return createHash('sha256')
    .update(`${f.rule}|${f.file ?? ''}|${f.line ?? ''}|${f.title}`)
    .digest('hex')
    .slice(0, 32);
}
