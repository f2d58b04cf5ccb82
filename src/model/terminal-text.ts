/**
 * Doc text, file names and request values end up in diagnostics and logs printed to a terminal. Control
 * characters there (newlines, ANSI escapes, NUL) could forge lines or recolour and hide output, and bidi controls
 * could reorder what is shown; every such character is printed as a visible `\uXXXX` escape instead.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The same for a message whose line breaks are its own layout (a template's syntax error shows the line and a
 * caret under it): each line made safe, the breaks kept.
 */
export function terminalSafeLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}
