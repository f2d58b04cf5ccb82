/**
 * Polls `ready` every `intervalMs` until it holds, failing after `timeoutMs` with `describe()` for the message.
 * The timeout is a generous limit for a busy machine, never a sleep that a test relies on.
 */
export async function until(
  ready: () => boolean,
  what: string,
  describe: () => string,
  { timeoutMs, intervalMs }: { readonly timeoutMs: number; readonly intervalMs: number },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
