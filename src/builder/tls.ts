// TLS material for remote nodes: driver-opts cacert=/cert=/key= take file paths; PEM contents can
// also come from BUILDER_NODE_<i>_AUTH_TLS_CACERT|CERT|KEY (as docker/setup-buildx-action reads
// them), written to a private folder that the post phase removes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEYS = [
  ['CACERT', 'cacert'],
  ['CERT', 'cert'],
  ['KEY', 'key'],
] as const;

/** Adds cacert=/cert=/key= for PEMs given in the environment; an explicit driver-opt wins. */
export function tlsDriverOpts(
  index: number,
  driverOpts: string[],
  env: NodeJS.ProcessEnv,
  privateDir: string,
): { driverOpts: string[]; secrets: string[] } {
  const out = [...driverOpts];
  const secrets: string[] = [];
  for (const [envKey, opt] of KEYS) {
    const pem = env[`BUILDER_NODE_${index}_AUTH_TLS_${envKey}`];
    if (!pem || out.some((o) => o.startsWith(`${opt}=`))) continue;
    mkdirSync(privateDir, { recursive: true, mode: 0o700 });
    const file = join(privateDir, `node${index}-${opt}.pem`);
    writeFileSync(file, pem, { mode: 0o600 });
    out.push(`${opt}=${file}`);
    if (envKey === 'KEY') secrets.push(pem);
  }
  return { driverOpts: out, secrets };
}
