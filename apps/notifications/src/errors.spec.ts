import { PLATFORM_ERRORS } from '@app/common';
import { DeliveriesErrors } from './deliveries/deliveries.errors.js';
import { NOTIFICATIONS_ERRORS } from './errors.js';

describe('the notifications error catalogue', () => {
  it("holds the platform's codes, each with the platform's status, and the deliveries' own", () => {
    expect(Object.keys(NOTIFICATIONS_ERRORS).sort()).toEqual(
      [...Object.keys(PLATFORM_ERRORS), ...Object.keys(DeliveriesErrors)].sort(),
    );
    for (const entry of [...Object.values(PLATFORM_ERRORS), ...Object.values(DeliveriesErrors)]) {
      expect(NOTIFICATIONS_ERRORS[entry.code]).toEqual(entry);
    }
  });
});
