import { defineErrorCodes } from '@app/common';

/** Programmes. */
export const ProgrammesErrors = defineErrorCodes({
  PROGRAMME_NAME_TAKEN: {
    status: 409,
    when: 'A programme is created or renamed with the name of another programme.',
  },
});
