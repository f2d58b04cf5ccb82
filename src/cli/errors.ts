/** Problems with what the user asked for (exit code 2), as opposed to problems inside a doc (diagnostics). */
export class InputError extends Error {}

/** The command line itself is wrong: unknown flag, missing argument. */
export class UsageError extends Error {}
