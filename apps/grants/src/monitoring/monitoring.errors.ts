import { defineErrorCodes } from '@app/common';

/** Keeping the jobs: monthly reports, vacancies and refills. */
export const MonitoringErrors = defineErrorCodes({
  JOB_ALREADY_VACANT: {
    status: 409,
    when: 'A vacancy is reported for a job that is not filled (already vacant).',
  },
  JOB_NOT_VACANT: {
    status: 409,
    when: 'A refill is reported for a job that is not vacant.',
  },
  JOB_TERM_CLOSED: {
    status: 409,
    when: 'A monthly report, vacancy or refill is recorded for a job whose monitoring has ended (kept, or refund claimed).',
  },
  REPORT_ALREADY_SUBMITTED: {
    status: 409,
    when: "A job's monthly retention report is submitted for a month already reported.",
  },
  PERIOD_NOT_ENDED: {
    status: 422,
    when: "A job's monthly retention report is submitted before the month has ended.",
  },
  REFILL_TOO_LATE: {
    status: 422,
    when: 'A vacant job is reported refilled after its refill deadline.',
  },
});
