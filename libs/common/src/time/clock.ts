/**
 * The source of "now" for domain code. Inject `Clock` (the abstract class doubles as the DI
 * token) instead of calling `new Date()`, so deadlines and reminders can be tested with
 * `ManualClock`.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The real wall clock. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

const DAY_MS = 86_400_000;

function assertValidDate(date: Date): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError('ManualClock needs a valid Date');
  }
}

/**
 * A clock that only moves when told to (tests). `now()` returns a fresh copy, so callers
 * mutating the returned Date cannot move the clock.
 */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date) {
    super();
    assertValidDate(start);
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(date: Date): this {
    assertValidDate(date);
    this.current = date.getTime();
    return this;
  }

  /** Moves the clock by `ms` milliseconds (negative moves it back). */
  advance(ms: number): this {
    if (!Number.isFinite(ms)) throw new RangeError(`Cannot advance by ${ms} ms`);
    this.current += ms;
    return this;
  }

  /**
   * Moves the clock by `n` × 24 hours. Across a DST change the Warsaw wall-clock time therefore
   * shifts by an hour; use `set()` with a computed instant when the wall time matters.
   */
  advanceDays(n: number): this {
    if (!Number.isFinite(n)) throw new RangeError(`Cannot advance by ${n} days`);
    return this.advance(n * DAY_MS);
  }
}
