/**
 * What the command-line bundle gives yargs and its layout libraries (cliui, wrap-ansi) as `string-width` (see
 * scripts/bundle.mjs). string-width builds an Intl.Segmenter and an emoji pattern (`\p{RGI_Emoji}` with the
 * `v` flag) as it is loaded: 20–45 ms of every run, since yargs loads it at start and lays out each command's
 * help text before running the command. Printable ASCII is one column per character, as string-width also
 * says, so such text is measured here; any other text goes to string-width itself, loaded the first time some
 * comes (synchronously: `require` of an ES module, which Node.js does from 20.19).
 */
import { createRequire } from 'node:module';

type StringWidth = typeof import('string-width').default;

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const load = createRequire(import.meta.url);
let measure: StringWidth | undefined;

export default function stringWidth(text: string, options?: Parameters<StringWidth>[1]): number {
  if (typeof text === 'string' && PRINTABLE_ASCII.test(text)) return text.length;
  measure ??= (load('string-width') as { default: StringWidth }).default;
  return measure(text, options);
}
