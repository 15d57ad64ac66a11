import { readFileSync } from 'node:fs';
import {
  ALL_ERRORS,
  ERROR_CODES_DOC,
  errorCodesDocPath,
  renderErrorCodesDoc,
} from './error-codes-doc.js';

describe('docs/api-error-codes.md', () => {
  it('is what the generator renders from the error-code catalogue now', () => {
    const committed = readFileSync(errorCodesDocPath(), 'utf8');
    const rendered = renderErrorCodesDoc();
    if (committed !== rendered) {
      const a = committed.split('\n');
      const b = rendered.split('\n');
      const line = a.findIndex((text, i) => text !== b[i]);
      const at = line === -1 ? Math.min(a.length, b.length) : line;
      throw new Error(
        `${ERROR_CODES_DOC} is out of date with the error-code catalogues: ` +
          `run \`npm run docs:errors\` (first difference at line ${at + 1}:\n` +
          `  file:      ${a[at] ?? '<end of file>'}\n  generated: ${b[at] ?? '<end of file>'})`,
      );
    }
  });

  it('lists every catalogued code once, sorted by status then code', () => {
    const rows = renderErrorCodesDoc()
      .split('\n')
      .map((line) => /^\| `([A-Z0-9_]+)` \| (\d{3}) \|/.exec(line))
      .filter((m) => m !== null)
      .map((m) => ({ code: m[1]!, status: Number(m[2]) }));
    const expected = Object.values(ALL_ERRORS)
      .map(({ code, status }) => ({ code, status }))
      .sort((x, y) => x.status - y.status || (x.code < y.code ? -1 : 1));
    expect(rows).toEqual(expected);
  });
});
