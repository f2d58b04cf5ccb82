/** Problems with what the user asked for (exit code 2), as opposed to problems inside a doc (diagnostics). */
export class InputError extends Error {}
