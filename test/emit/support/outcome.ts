/** What a render gives, to compare two renderers by: its text, or the message of what it threw. */
export function outcome(render: () => string): string {
  try {
    return `ok: ${JSON.stringify(render())}`;
  } catch (error) {
    return `threw: ${error instanceof Error ? error.message : String(error)}`;
  }
}
