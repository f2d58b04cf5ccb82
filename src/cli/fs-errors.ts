/** How the CLI tells a filesystem error apart from the others. */

/** The path (or a folder on it) no longer exists: deleted, or renamed away by another run's swap. */
export const isGone = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};
