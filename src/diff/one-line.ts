/**
 * Doc data (API names, field names, types, defaults) reaches the text and Markdown outputs. A line break or
 * other control character inside it would split one reported change into several lines, so each is shown as
 * a visible `\uXXXX` escape instead.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function oneLine(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
