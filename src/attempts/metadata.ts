// buildx's --metadata-file, as a build and a bake both read it.
import { existsSync, readFileSync } from 'node:fs';

/** The file's text, '' when buildx wrote none (a failed build or bake writes none). */
export function readMetadata(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
}

/** The metadata as an object; {} for no text or text that is not JSON. */
export function parseMetadata(text: string): Record<string, unknown> {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}
