/**
 * When a call takes applications (docs/product.md#calls): from its opening moment, inclusive,
 * until its closing moment, exclusive — at the exact closing moment it is already closed.
 * Only the first submission needs an open call; answering a correction request does not.
 */
export interface CallWindow {
  opensAt: Date;
  closesAt: Date;
}

/** The call is open at `now`: `opensAt <= now < closesAt`, to the millisecond. */
export function isCallOpen(call: CallWindow, now: Date): boolean {
  return call.opensAt.getTime() <= now.getTime() && now.getTime() < call.closesAt.getTime();
}
