// Secret values never appear in argv: each goes to a private file (mode 0600) that buildx reads with
// `--secret id=…,src=…`, and is masked in the job log.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildConfig } from '../config/config.js';
import { isGitContext } from './args.js';

function split(line: string): [string, string] {
  const eq = line.indexOf('=');
  return [line.slice(0, eq), line.slice(eq + 1)];
}

export function secretSpecs(b: BuildConfig, dir: string, mask: (value: string) => void): string[] {
  const specs: string[] = [];
  const write = (id: string, value: string) => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, `secret-${specs.length}`);
    writeFileSync(file, value, { mode: 0o600 });
    if (value) mask(value);
    specs.push(`id=${id},src=${file}`);
  };
  for (const line of b.secrets) write(...split(line));
  for (const line of b.secretFiles) {
    const [id, path] = split(line);
    specs.push(`id=${id},src=${path}`);
  }
  for (const line of b.secretEnvs) {
    const [id, env] = split(line);
    specs.push(`id=${id},env=${env}`);
  }
  if (b.githubToken && isGitContext(b.context) && !specs.some((s) => s.startsWith('id=GIT_AUTH_TOKEN,'))) {
    write('GIT_AUTH_TOKEN', b.githubToken);
  }
  return specs;
}
