// What the metadata file is asked to hold.
import { metadataEnv } from '../../../src/attempts/metadata.js';

test('the metadata file leaves out the provenance unless the job asks for it', () => {
  expect(metadataEnv({})).toEqual({ BUILDX_METADATA_PROVENANCE: 'disabled' });
  expect(metadataEnv(undefined)).toEqual({ BUILDX_METADATA_PROVENANCE: 'disabled' });
  expect(metadataEnv({ BUILDX_METADATA_PROVENANCE: 'max' })).toEqual({});
  expect(metadataEnv({ BUILDX_METADATA_PROVENANCE: 'min' })).toEqual({});
});
