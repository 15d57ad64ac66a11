import { defineErrorCodes } from '@app/common';

/** The delivery log and the operators' re-sends. */
export const DeliveriesErrors = defineErrorCodes({
  DELIVERY_NOT_FOUND: {
    status: 404,
    when: 'A re-send names a delivery that does not exist.',
  },
  RESEND_RANGE_INVALID: {
    status: 422,
    when: 'A re-send of failed deliveries gives a `from` that is not before its `to`.',
  },
  RESEND_TOO_MANY: {
    status: 422,
    when: 'A re-send of failed deliveries matches more than 10,000 of them: narrow the filter.',
  },
});
