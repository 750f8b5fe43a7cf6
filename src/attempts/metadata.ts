// buildx's --metadata-file, as a build and a bake both read it.
import { existsSync } from 'node:fs';
import { readBounded } from '../fsio/read.js';

/** The file's text, '' when buildx wrote none (a failed build or bake writes none). */
export function readMetadata(file: string): string {
  return existsSync(file) ? readBounded(file, 'metadata').trim() : '';
}

/** The metadata as an object; {} for no text or text that is not JSON. */
export function parseMetadata(text: string): Record<string, unknown> {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}

/**
 * The environment that keeps the provenance out of the metadata file. buildx copies the build's
 * provenance into the file by default (`buildx.build.provenance`), which costs a round trip to
 * BuildKit after the build (60–100 ms on a remote node); nothing here reads it. A job that wants
 * it sets BUILDX_METADATA_PROVENANCE (min or max) and that value is kept. The image's own
 * provenance attestation (`provenance`) is not affected.
 */
export function metadataEnv(env: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  return env?.BUILDX_METADATA_PROVENANCE ? {} : { BUILDX_METADATA_PROVENANCE: 'disabled' };
}
