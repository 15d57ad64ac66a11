import type { Request, Response } from 'express';
import type { ApiResult } from './api.js';
import { saveAndRedirect, type FormErrors } from '../account/form-errors.js';

/** What a form's POST does with the service's answer (see `settleForm`). */
export interface FormOutcome<T> {
  /** The success banner's text, given the answer's body. */
  done: string | ((body: T) => string);
  /** Where the browser goes after a success (post/redirect/get). */
  to: string;
  /** The form's field of each path the service names in its problems. */
  fields: Record<string, string>;
  /** The field that takes a problem naming no field of the form. */
  fallback: string;
}

/**
 * Ends a staff form's POST once the service has answered. On success: the success flash and a
 * 303 to `outcome.to`; returns true (the response is sent). Otherwise the answer's problems go to
 * `errors` (beside their fields and in the error summary), the answer's status is set for the
 * form shown again with what was typed, and it returns false.
 */
export function settleForm<T>(
  req: Request,
  res: Response,
  result: ApiResult<T>,
  errors: FormErrors,
  outcome: FormOutcome<T>,
): boolean {
  if (result.ok) {
    const text = typeof outcome.done === 'function' ? outcome.done(result.body) : outcome.done;
    req.session.flash = { kind: 'success', text };
    saveAndRedirect(req, res, outcome.to);
    return true;
  }
  errors.addApi(result, outcome.fields, outcome.fallback);
  res.status(result.status);
  return false;
}
