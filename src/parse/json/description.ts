/**
 * Description cleanup for doc JSON.
 *
 * Doc JSON descriptions are the HTML source of what the doc page renders: `<br/>` line breaks (most of the
 * markup), occasionally `<a href>`, `<span style>`, `<strong>`, `<font>` and `<ul><li>`. The text and HTML pages
 * show the rendered result, where a break reads as a space (text-format.md §10). To give every reader the same
 * description, the known formatting tags are rendered the same way here: break-like tags (`br`, `p`, `div`,
 * `ul`, `ol`, `li`) become one space, inline tags (`a`, `span`, `strong`, `b`, `i`, `em`, `u`, `font`) disappear
 * and keep their text, and the basic character entities are decoded. Everything else is data and stays verbatim:
 * `Result<AppInfo>`, `List<Map<String, Object>>` or `< KEY:Id >` are text that happens to contain angle
 * brackets, not markup. Whitespace that is not next to a removed tag is kept as written.
 */

/** A run of break-like tags with the whitespace around them (`<ul><li>` is one break, not two). */
const BREAK_TAGS = /(?:\s*<\/?(?:br|p|div|ul|ol|li)(?:\s[^<>]*)?\/?>\s*)+/gi;
const INLINE_TAG = /<\/?(?:a|span|strong|b|i|em|u|font)(?:\s[^<>]*)?\/?>/gi;
const ENTITY = /&(?:(lt|gt|amp|quot|apos|nbsp)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;
const NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function cleanDescription(raw: string): string {
  if (!raw.includes('<') && !raw.includes('&')) return raw.trim();
  const withoutTags = raw.replace(BREAK_TAGS, ' ').replace(INLINE_TAG, '');
  return withoutTags.replace(ENTITY, decodeEntity).trim();
}

function decodeEntity(whole: string, name?: string, dec?: string, hex?: string): string {
  if (name !== undefined) return NAMED[name] ?? whole;
  const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex ?? '', 16);
  // Out-of-range and surrogate code points are not characters; keep the entity text rather than invent one.
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return whole;
  return String.fromCodePoint(code);
}
