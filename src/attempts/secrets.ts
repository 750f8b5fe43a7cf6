// Secret values never appear in argv: each goes to a private file (mode 0600) that buildx reads with
// `--secret id=…,src=…`, and is masked in the job log. The github-token goes only to the GitHub
// server of the run, over https, as `GIT_AUTH_TOKEN.<host>` (BuildKit's per-host Git token).
import { mkdirSync, writeFileSync } from 'node:fs';
import { readBounded } from '../fsio/read.js';
import { join } from 'node:path';
import type { BuildConfig } from '../config/config.js';
import { describeFsError } from '../config/errors.js';

function split(line: string): [string, string] {
  const eq = line.indexOf('=');
  return [line.slice(0, eq), line.slice(eq + 1)];
}

/** The host of a Git context reached over https (`https://host/…`, `host/…/x.git`), or undefined. */
export function gitContextHost(context: string): string | undefined {
  const m = context.match(/^https:\/\/([^/@:#]+)(?::\d+)?\//i);
  if (m && (/\.git(?:#|$)/.test(context) || /^https:\/\/github\.com\//i.test(context)))
    return m[1].toLowerCase();
  const bare = context.match(/^(github\.com)\//i);
  return bare ? bare[1].toLowerCase() : undefined;
}

/**
 * The GIT_AUTH_TOKEN secret id for this build's context, or undefined when the token must not go:
 * the context is not a Git URL on the run's GitHub server, or not over https.
 */
export function gitTokenId(context: string, serverUrl = 'https://github.com'): string | undefined {
  const host = gitContextHost(context);
  const server = serverUrl.match(/^https:\/\/([^/:]+)/i)?.[1]?.toLowerCase();
  return host && server && host === server ? `GIT_AUTH_TOKEN.${host}` : undefined;
}

export function secretSpecs(
  b: BuildConfig,
  dir: string,
  mask: (value: string) => void,
  serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com',
): string[] {
  const specs: string[] = [];
  const write = (id: string, value: string) => {
    if (value) maskValue(value, mask);
    const file = join(dir, `secret-${specs.length}`);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(file, value, { mode: 0o600 });
    } catch (e) {
      throw new Error(
        `Could not write secret '${id}' to the step's private folder (${dir}): ${describeFsError(e)}.`,
        { cause: e },
      );
    }
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
  const tokenId = b.githubToken ? gitTokenId(b.context, serverUrl) : undefined;
  if (tokenId && !specs.some((s) => /^id=GIT_AUTH_TOKEN[,.]/.test(s))) write(tokenId, b.githubToken);
  return specs;
}

/** Masks a value and each of its lines (the runner matches masks line by line). */
export function maskValue(value: string, mask: (value: string) => void): void {
  if (value) mask(value);
  if (value.includes('\n')) for (const l of value.split(/\r?\n/)) if (l.trim().length >= 4) mask(l.trim());
}

/** Build-arg names that carry a secret, by BuildKit's own SecretsUsedInArgOrEnv test. */
export const SECRET_NAME =
  /(?:^|_)(?:TOKEN|SECRET|PASSWORD|PASSWD|PASS|KEY|APIKEY|CREDENTIALS?|AUTH)(?:_|$)/i;

/**
 * Every value that must never appear in a report or the job log: the `secrets` values, the
 * github-token, the values of `secret-envs` variables, the contents of `secret-files` (up to 1 MiB),
 * and build-args whose name says secret (API_TOKEN, DB_PASSWORD, …).
 */
export function secretValues(b: BuildConfig, env: NodeJS.ProcessEnv = process.env): string[] {
  const values = [
    ...b.secrets.map((l) => split(l)[1]),
    b.githubToken,
    ...b.secretEnvs.map((l) => env[split(l)[1]] ?? ''),
    ...b.buildArgs.filter((l) => SECRET_NAME.test(split(l)[0])).map((l) => split(l)[1]),
  ];
  for (const line of b.secretFiles) {
    const path = split(line)[1];
    try {
      values.push(readBounded(path, 'secret-file').trim());
    } catch {
      // A missing file fails the build with buildx's own error.
    }
  }
  return values.filter((v) => v.length >= 3);
}
