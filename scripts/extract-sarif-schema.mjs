// Copies the official SARIF 2.1.0 JSON schema (as shipped in @microsoft/jest-sarif) into
// __fixtures__/sarif/, so tests validate our SARIF without that package's runtime dependencies.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'sarif-'));
try {
  execFileSync('npm', ['pack', '@microsoft/jest-sarif@1.0.0-beta.0', '--silent'], {
    cwd: tmp,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tgz, 'package/lib/schemas/sarif-2.1.0-rtm.5.json'], { cwd: tmp });
  mkdirSync(join(root, '__fixtures__', 'sarif'), { recursive: true });
  copyFileSync(
    join(tmp, 'package/lib/schemas/sarif-2.1.0-rtm.5.json'),
    join(root, '__fixtures__', 'sarif', 'sarif-2.1.0-rtm.5.json'),
  );
  console.log('wrote __fixtures__/sarif/sarif-2.1.0-rtm.5.json');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
