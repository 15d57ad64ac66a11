import { ApiError } from './api-error.js';
import {
  PLATFORM_ERRORS,
  defineErrorCodes,
  errorCodeTable,
  mergeErrorCatalogues,
} from './error-codes.js';

describe('error codes per feature', () => {
  it.each(Object.values(PLATFORM_ERRORS))(
    'platform $code: an UPPER_SNAKE code, an error status and one line saying when',
    ({ code, status, when }) => {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(when.trim()).toBe(when);
      expect(when).toMatch(/^\S.*\.$/);
      expect(when).not.toMatch(/[\n|]/);
    },
  );

  const Feature = defineErrorCodes({
    THING_TAKEN: { status: 409, when: 'A thing is taken.' },
    THING_LATE: { status: 422, when: 'A thing is late.' },
  });

  it('gives each entry its code and its one status, and ApiError takes them', () => {
    expect(Feature.THING_TAKEN).toEqual({
      code: 'THING_TAKEN',
      status: 409,
      when: 'A thing is taken.',
    });
    const message = { pl: 'x', en: 'x' };
    expect(ApiError.conflict(Feature.THING_TAKEN, message).getStatus()).toBe(409);
    expect(ApiError.conflict(Feature.THING_TAKEN, message).code).toBe('THING_TAKEN');
    expect(ApiError.unprocessable(Feature.THING_LATE, message).getStatus()).toBe(422);
    expect(ApiError.badRequest(PLATFORM_ERRORS.VALIDATION_FAILED, message).getStatus()).toBe(400);
    expect(ApiError.forbidden().code).toBe('FORBIDDEN');
    expect(ApiError.notFound().getStatus()).toBe(404);
    // @ts-expect-error a 422 entry is not a conflict
    expect(ApiError.conflict(Feature.THING_LATE, message).getStatus()).toBe(422);
  });

  it('merges catalogues; the same code with two statuses is refused', () => {
    const merged = mergeErrorCatalogues(PLATFORM_ERRORS, Feature, Feature);
    expect(Object.keys(merged)).toContain('THING_TAKEN');
    const Other = defineErrorCodes({ THING_TAKEN: { status: 422, when: 'Another meaning.' } });
    expect(() => mergeErrorCatalogues(Feature, Other)).toThrow(/THING_TAKEN has two statuses/);
  });

  it('renders a catalogue as a table sorted by status, then code', () => {
    const lines = errorCodeTable(Feature).split('\n');
    expect(lines.slice(2)).toEqual([
      '| `THING_TAKEN` | 409 | A thing is taken. |',
      '| `THING_LATE` | 422 | A thing is late. |',
    ]);
  });
});
