// Extracts the GitHub REST operations buildx-guard calls from the official OpenAPI description
// (@octokit/openapi, dereferenced) into __fixtures__/github/openapi-operations.json. The e2e tests'
// local GitHub API server validates every request against it. Run again to update:
//   node scripts/extract-openapi.mjs [version]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = process.argv[2] ?? '23.0.2';
const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['post', '/repos/{owner}/{repo}/check-runs'],
  ['patch', '/repos/{owner}/{repo}/check-runs/{check_run_id}'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}/check-runs'],
  ['get', '/user'],
];

const tmp = mkdtempSync(join(tmpdir(), 'openapi-'));
try {
  execFileSync('npm', ['pack', `@octokit/openapi@${version}`, '--silent'], {
    cwd: tmp,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tgz = readFileSync(join(tmp, `octokit-openapi-${version}.tgz`));
  writeFileSync(join(tmp, 'p.tgz'), tgz);
  execFileSync('tar', ['xzf', 'p.tgz', 'package/generated/api.github.com.deref.json'], { cwd: tmp });
  const spec = JSON.parse(readFileSync(join(tmp, 'package/generated/api.github.com.deref.json'), 'utf8'));
  const out = {
    source: `@octokit/openapi@${version} generated/api.github.com.deref.json`,
    openapi: spec.openapi,
    operations: [],
  };
  for (const [method, path] of OPERATIONS) {
    const op = spec.paths[path]?.[method];
    if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in the description`);
    out.operations.push({
      operationId: op.operationId,
      method: method.toUpperCase(),
      path,
      parameters: (op.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: !!p.required,
        schema: p.schema,
      })),
      requestBody: op.requestBody?.content?.['application/json']?.schema ?? null,
      requestBodyRequired: !!op.requestBody?.required,
    });
  }
  mkdirSync(join(root, '__fixtures__', 'github'), { recursive: true });
  const file = join(root, '__fixtures__', 'github', 'openapi-operations.json');
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${out.operations.length} operations to ${file}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
