/** Keys of what the main phase saves for the post phase (core.saveState / core.getState). */
export const STATE = {
  builder: 'builder',
  cleanup: 'cleanup',
  tempDir: 'temp-dir',
  keptDirs: 'kept-dirs',
} as const;
