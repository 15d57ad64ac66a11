import { ApiError } from './api-error.js';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';

const codes = Object.keys(ERROR_CODES) as ErrorCode[];

describe('the error-code catalogue', () => {
  it.each(codes)('%s: an UPPER_SNAKE code, an error status and one line saying when', (code) => {
    const { status, when } = ERROR_CODES[code];
    expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(when.trim()).toBe(when);
    expect(when).toMatch(/^\S.*\.$/);
    expect(when).not.toMatch(/[\n|]/);
  });

  it('gives ApiError the status the catalogue records', () => {
    const message = { pl: 'x', en: 'x' };
    for (const code of codes)
      expect(ApiError.of(code, message).getStatus()).toBe(ERROR_CODES[code].status);
    expect(ApiError.conflict('BUDGET_EXCEEDED', message).getStatus()).toBe(409);
    expect(ApiError.unprocessable('FORM_INVALID', message).getStatus()).toBe(422);
    expect(ApiError.badRequest('VALIDATION_FAILED', message).getStatus()).toBe(400);
    expect(ApiError.forbidden().code).toBe('FORBIDDEN');
    expect(ApiError.notFound().getStatus()).toBe(404);
  });
});
