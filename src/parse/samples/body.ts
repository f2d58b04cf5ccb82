/**
 * The text of one code sample (a Java request sample, an XML or JSON response example) with the file line of
 * each of its lines, whatever the page format: the text reader takes it from a section of the page, the HTML
 * reader from a `<pre>` block. The sample readers (java.ts, xml.ts, json.ts) work on this and nothing else, so
 * the evidence they build points into the original file.
 */
export interface SampleBody {
  /** Stripped body lines joined with `\n`; '' when the section holds only tabs or whitespace. */
  readonly text: string;
  /** `lineNos[k]` is the 1-based file line of body line k. */
  readonly lineNos: readonly number[];
  /** The sample was cut by the end of the readable text (truncated page). */
  readonly cut: boolean;
  /** 1-based line of the section heading. */
  readonly headingLine: number;
}

/** Maps a character offset of `body.text` to its 1-based file line. */
export function lineAtOffset(body: SampleBody, newlinesBefore: number): number {
  return body.lineNos[newlinesBefore] ?? body.lineNos[body.lineNos.length - 1] ?? body.headingLine;
}
