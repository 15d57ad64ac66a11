import { toWarsawIso } from '@app/common';
import {
  envelope,
  samplePayloads,
  APPLICATION_ID,
  CALL,
  EVALUATION_ID,
  JOB_ID,
  AWARD_ID,
  REPORT_ID,
} from '../../test/sample-events.js';
import {
  cancellationsFor,
  correctionsReminderDay,
  daysLeft,
  evaluationReminderDay,
  jobReportReminderDay,
  remindersFor,
  warsawMoment,
} from './reminder-rules.js';

const settings = { hour: 8 };
const s = samplePayloads();

describe('reminder due moments', () => {
  it('puts a reminder at the configured Warsaw hour, in winter and summer and on DST-change days', () => {
    expect(toWarsawIso(warsawMoment('2027-01-15', 8))).toBe('2027-01-15T08:00:00.000+01:00');
    expect(toWarsawIso(warsawMoment('2027-07-15', 8))).toBe('2027-07-15T08:00:00.000+02:00');
    expect(toWarsawIso(warsawMoment('2027-03-28', 8))).toBe('2027-03-28T08:00:00.000+02:00'); // clocks go forward at 02:00
    expect(toWarsawIso(warsawMoment('2027-10-31', 8))).toBe('2027-10-31T08:00:00.000+01:00'); // and back at 03:00
  });

  it('reminds of corrections one working day before the last day, skipping weekends and holidays', () => {
    expect(correctionsReminderDay('2026-12-16')).toBe('2026-12-15'); // Wed → Tue
    expect(correctionsReminderDay('2026-12-14')).toBe('2026-12-11'); // Mon → Fri
    expect(correctionsReminderDay('2026-11-12')).toBe('2026-11-10'); // Thu after Independence Day (Wed 11 Nov) → Tue
    expect(correctionsReminderDay('2027-03-30')).toBe('2027-03-26'); // Tue after Easter Monday → Fri
  });

  it('reminds of an evaluation 2 days and of a job report 7 days before they are due', () => {
    expect(evaluationReminderDay('2027-02-01')).toBe('2027-01-30');
    expect(jobReportReminderDay('2027-06-07')).toBe('2027-05-31');
  });

  it('counts whole Warsaw days left, never below zero', () => {
    expect(daysLeft(new Date('2027-01-30T07:00:00Z'), '2027-02-01')).toBe(2);
    expect(daysLeft(new Date('2027-01-31T23:30:00Z'), '2027-02-01')).toBe(0); // already 1 Feb in Warsaw
    expect(daysLeft(new Date('2027-02-03T10:00:00Z'), '2027-02-01')).toBe(0);
  });
});

describe('remindersFor', () => {
  it('files a corrections reminder for the applicant with the term, under the application', () => {
    const event = envelope(
      'applications.application.corrections-requested',
      s['applications.application.corrections-requested'],
      new Date('2026-12-07T10:00:00Z'),
    );
    const [r] = remindersFor(event, settings);
    expect(r).toMatchObject({
      kind: 'corrections',
      template: 'corrections-reminder',
      reference: 'OWES/2026/00042',
      dueDate: '2026-12-14',
      scopes: [`application:${APPLICATION_ID}`],
      recipient: { email: 'anna.kowalska@example.pl' },
    });
    expect(toWarsawIso(r.dueAt)).toBe('2026-12-11T08:00:00.000+01:00');
    expect(toWarsawIso(r.deadline)).toBe('2026-12-14T23:59:59.999+01:00');
  });

  it('files an evaluation reminder for the evaluator, and a job report reminder for the enterprise', () => {
    const assigned = envelope(
      'grants.evaluation.assigned',
      s['grants.evaluation.assigned'],
      new Date('2027-01-21T08:00:00Z'),
    );
    const [e] = remindersFor(assigned, settings);
    expect(e).toMatchObject({
      kind: 'evaluation',
      template: 'evaluation-reminder',
      recipient: { email: 'jan.nowak@example.pl' },
    });
    expect(toWarsawIso(e.dueAt)).toBe('2027-01-30T08:00:00.000+01:00');
    expect(e.scopes).toEqual([
      `evaluation:${EVALUATION_ID}`,
      `application:${APPLICATION_ID}`,
      `application:${APPLICATION_ID}:first`,
      `call:${CALL.callId}`,
      `call:${CALL.callId}:first`,
    ]);
    const due = envelope(
      'grants.job.report-due',
      { ...s['grants.job.report-due'], dueDate: '2027-06-14' },
      new Date('2027-06-01T06:00:00Z'),
    );
    const [j] = remindersFor(due, settings);
    expect(j).toMatchObject({
      kind: 'job-report',
      template: 'job-report-reminder',
      scopes: [`report:${REPORT_ID}`, `job:${JOB_ID}`, `award:${AWARD_ID}`],
    });
    expect(toWarsawIso(j.dueAt)).toBe('2027-06-07T08:00:00.000+02:00');
  });

  it('files none when the reminder moment is not after the event (its own message is the notice)', () => {
    // Reports due 7 days after the month ends: the due notice itself goes out 7 days before.
    const due = envelope(
      'grants.job.report-due',
      s['grants.job.report-due'],
      new Date('2027-06-01T06:00:00Z'),
    );
    expect(remindersFor(due, settings)).toEqual([]);
    const late = envelope(
      'grants.evaluation.assigned',
      s['grants.evaluation.assigned'],
      new Date('2027-01-30T09:00:00Z'),
    );
    expect(remindersFor(late, settings)).toEqual([]);
  });

  it('files none for events that set no deadline', () => {
    expect(
      remindersFor(
        envelope('applications.application.submitted', s['applications.application.submitted']),
        settings,
      ),
    ).toEqual([]);
  });
});

describe('cancellationsFor', () => {
  it.each([
    [
      'applications.application.corrections-answered',
      ['corrections'],
      [`application:${APPLICATION_ID}`],
    ],
    [
      'applications.application.formally-accepted',
      ['corrections'],
      [`application:${APPLICATION_ID}`],
    ],
    [
      'applications.application.formally-rejected',
      ['corrections'],
      [`application:${APPLICATION_ID}`],
    ],
    [
      'applications.application.withdrawn',
      ['corrections', 'evaluation', 'call-closing'],
      [`application:${APPLICATION_ID}`],
    ],
    ['applications.application.submitted', ['call-closing'], [`application:${APPLICATION_ID}`]],
    ['grants.evaluation.overdue', ['evaluation'], [`evaluation:${EVALUATION_ID}`]],
    ['grants.evaluation.submitted', ['evaluation'], [`evaluation:${EVALUATION_ID}`]],
    [
      'grants.award.granted',
      ['evaluation'],
      [`application:${APPLICATION_ID}:first`, `application:${APPLICATION_ID}:third`],
    ],
    ['grants.appeal.resolved', ['evaluation'], [`application:${APPLICATION_ID}:appeal`]],
    [
      'grants.ranking.published',
      ['evaluation'],
      [`call:${CALL.callId}:first`, `call:${CALL.callId}:third`],
    ],
    ['grants.job.report-overdue', ['job-report'], [`report:${REPORT_ID}`]],
    ['grants.job.report-submitted', ['job-report'], [`report:${REPORT_ID}`]],
    ['grants.refund.claimed', ['job-report'], [`job:${JOB_ID}`]],
    ['grants.award.settled', ['job-report'], [`award:${AWARD_ID}`]],
  ] as const)('%s makes %j reminders moot', (subject, kinds, scopes) => {
    expect(cancellationsFor(envelope(subject, s[subject]))).toEqual([{ kinds, scopes }]);
  });

  it('a third evaluator means both first-round scores are in', () => {
    const third = envelope('grants.evaluation.assigned', {
      ...s['grants.evaluation.assigned'],
      round: 'third',
    });
    expect(cancellationsFor(third)).toEqual([
      { kinds: ['evaluation'], scopes: [`application:${APPLICATION_ID}:first`] },
    ]);
    expect(
      cancellationsFor(envelope('grants.evaluation.assigned', s['grants.evaluation.assigned'])),
    ).toEqual([]);
  });

  it('the ranking after appeals settles every evaluation of the call', () => {
    const again = envelope('grants.ranking.published', {
      ...s['grants.ranking.published'],
      afterAppeals: true,
      version: 2,
    });
    expect(cancellationsFor(again)).toEqual([
      { kinds: ['evaluation'], scopes: [`call:${CALL.callId}`] },
    ]);
  });

  it('nothing is cancelled by a plain confirmation', () => {
    expect(
      cancellationsFor(envelope('applications.group.submitted', s['applications.group.submitted'])),
    ).toEqual([]);
  });

  it('a draft is reminded of at 08:00 Warsaw time three days before its call closes', () => {
    const [r] = remindersFor(
      envelope(
        'applications.application.draft-created',
        s['applications.application.draft-created'],
      ),
      { hour: 8 },
    );
    expect(r).toMatchObject({
      kind: 'call-closing',
      template: 'call-closing-reminder',
      dueDate: '2026-12-15',
      scopes: [`application:${APPLICATION_ID}`, expect.stringMatching(/^call:/)],
    });
    expect(r.dueAt.toISOString()).toBe('2026-12-12T07:00:00.000Z');
    expect(r.deadline.toISOString()).toBe('2026-12-15T15:00:00.000Z');
  });

  it('no call-closing reminder for a draft started less than three days before the close', () => {
    const late = {
      ...s['applications.application.draft-created'],
      createdAt: '2026-12-13T09:00:00.000Z',
    };
    expect(
      remindersFor(
        envelope('applications.application.draft-created', late, new Date('2026-12-13T09:00:00Z')),
        { hour: 8 },
      ),
    ).toEqual([]);
  });
});
