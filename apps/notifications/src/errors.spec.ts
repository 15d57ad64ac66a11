import { PLATFORM_ERRORS } from '@app/common';
import { NOTIFICATIONS_ERRORS } from './errors.js';

describe('the notifications error catalogue', () => {
  it("holds the platform's codes, each with the platform's status, and none of its own", () => {
    expect(Object.keys(NOTIFICATIONS_ERRORS).sort()).toEqual(Object.keys(PLATFORM_ERRORS).sort());
    for (const entry of Object.values(PLATFORM_ERRORS)) {
      expect(NOTIFICATIONS_ERRORS[entry.code]).toEqual(entry);
    }
  });
});
