import type { ApiProblem, ApiResult } from '../platform/api.js';

/** One field's error as the GOV.UK macros take it (`errorMessage`). */
export interface FieldError {
  text: string;
}

/**
 * A form's errors in the page's order: each field's message (`errors.<field>`) and the GOV.UK
 * error summary's list linking to the fields (`errorSummary`).
 */
export class FormErrors {
  readonly fields: Record<string, FieldError> = {};
  private readonly order: string[] = [];

  add(field: string, text: string): this {
    if (!this.fields[field]) {
      this.fields[field] = { text };
      this.order.push(field);
    }
    return this;
  }

  get empty(): boolean {
    return this.order.length === 0;
  }

  /** `[{text, href: '#field'}]` for the layout's error summary. */
  summary(ids: Record<string, string> = {}): { text: string; href: string }[] {
    return this.order.map((field) => ({
      text: this.fields[field].text,
      href: `#${ids[field] ?? field}`,
    }));
  }

  /**
   * A 400/422 answer of a service (`{code, message, errors:[{path, message}]}`, already in the
   * request's language): each problem on the field its path names (`fieldOf`), anything else on
   * `fallback` with the answer's message.
   */
  addApi(result: ApiResult, fieldOf: Record<string, string>, fallback: string): this {
    const body = (result.body ?? {}) as { message?: string; errors?: ApiProblem[] };
    const problems = Array.isArray(body.errors) ? body.errors : [];
    let placed = false;
    for (const problem of problems) {
      const field = fieldOf[problem.path];
      if (field) {
        this.add(field, problem.message);
        placed = true;
      }
    }
    if (!placed) this.add(fallback, body.message ?? String(result.status));
    return this;
  }
}

/** The error code of a service's answer, if any. */
export function codeOf(result: ApiResult): string | undefined {
  return (result.body as { code?: string } | undefined)?.code;
}

/** A form field's text, trimmed (a missing or non-text field is empty). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A password as typed (never trimmed: spaces are part of it). */
export function secret(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Saves the session (a flash, a remembered address), then 303 to `to` (post/redirect/get). */
export function saveAndRedirect(
  req: import('express').Request,
  res: import('express').Response,
  to: string,
): void {
  req.session.save(() => res.redirect(303, to));
}
