/** The output folder cannot or must not be written (exit code 2): it is not topgen output, read-only, a file, … */
export class OutputError extends Error {}
