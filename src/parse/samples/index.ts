import { diagnostic } from '../../model/diagnostics.js';
import type { Evidence } from '../../model/passes/nesting/evidence.js';
import type { Side } from '../../model/passes/nesting/page-content.js';
import type { Diagnostic } from '../../model/types.js';
import { CODES } from '../text/codes.js';
import { excerpt } from '../text/lines.js';
import type { SampleBody } from './body.js';
import { readJavaSample, type JavaSample } from './java.js';
import { jsonEvidence } from './json.js';
import { xmlEvidence } from './xml.js';

export type { SampleBody } from './body.js';
export type { JavaSample } from './java.js';

/**
 * The nesting evidence of a page's two samples, whatever page format they came from: the request sample is
 * Java SDK code or (qimen pages) a JSON body, the response example XML or (qimen) JSON.
 */
export function readRequestSample(body: SampleBody): {
  readonly evidence?: Evidence;
  readonly java?: JavaSample;
} {
  if (body.text.startsWith('{')) {
    const evidence = jsonEvidence(body, 'the JSON request sample');
    return evidence === undefined ? {} : { evidence };
  }
  if (body.text === '') return {};
  const java = readJavaSample(body, 'the Java request sample');
  return java === undefined ? {} : { evidence: java.evidence, java };
}

export function readResponseSample(body: SampleBody): Evidence | undefined {
  if (body.text.startsWith('<')) return xmlEvidence(body, 'the XML response example');
  if (body.text.startsWith('{')) return jsonEvidence(body, 'the JSON response example');
  return undefined;
}

/**
 * Why a present sample gives no evidence, in words for nesting diagnostics; a sample that is neither empty nor
 * cut is reported as `sample-unreadable`.
 */
export function unreadableSample(body: SampleBody, side: Side, file: string, out: Diagnostic[]): string {
  const what = side === 'request' ? 'request code sample' : 'response example';
  if (body.cut) return `the page is cut inside its ${what}, before any usable part of it`;
  if (body.text.trim() === '') return `the ${what} is empty`;
  out.push(
    diagnostic(
      'warning',
      CODES.sampleUnreadable,
      `The ${what} could not be read, so it gives no nesting evidence.`,
      {
        file,
        line: body.lineNos[0] ?? body.headingLine,
        expected: side === 'request' ? 'Java SDK code or a JSON body' : 'an XML or JSON example',
        found: `"${excerpt(body.text, 40)}"`,
      },
    ),
  );
  return `the ${what} could not be read`;
}
