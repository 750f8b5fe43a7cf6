// Prints the CHANGELOG.md section of a version (the release's notes), without its heading:
// `node scripts/release-notes.mjs 1.2.3` (a leading v is accepted, as in a tag name). A version
// without a section of its own is an error, so no release goes out with empty notes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The section under `## <version>` (up to the next `## ` heading), trimmed; undefined when there is
 * none or it is empty.
 * @param {string} changelog
 * @param {string} version
 * @returns {string | undefined}
 */
export function releaseNotes(changelog, version) {
  const v = version.replace(/^v/, '');
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((l) => l.replace(/\s+$/, '') === `## ${v}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  const notes = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
  return notes || undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = process.argv[2] ?? '';
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'CHANGELOG.md');
  const notes = version ? releaseNotes(readFileSync(file, 'utf8'), version) : undefined;
  if (!notes) {
    console.error(
      version
        ? `CHANGELOG.md has no section '## ${version.replace(/^v/, '')}' with notes: add it before tagging.`
        : 'Usage: node scripts/release-notes.mjs <version>',
    );
    process.exit(1);
  }
  process.stdout.write(`${notes}\n`);
}
