import { PATTERN_METADATA } from '@nestjs/microservices/constants.js';
import { parseEnvelope } from '@app/common';
import { envelope, samplePayloads } from '../../test/sample-events.js';
import { REMINDER_SUBJECTS } from '../reminders/reminder-rules.js';
import { MESSAGE_SUBJECTS, planMessages } from './message-plan.js';
import { NotificationEventsController } from './notification-events.controller.js';

const s = samplePayloads();

describe('sample events', () => {
  it('keep to the contracts, as the producing services emit them', () => {
    for (const [subject, payload] of Object.entries(s)) {
      expect(() =>
        parseEnvelope(
          subject,
          JSON.parse(JSON.stringify(envelope(subject as any, payload as any))),
        ),
      ).not.toThrow();
    }
  });
});

describe('planMessages', () => {
  it('writes to the recipient the event names, filed under the reference', () => {
    const [m] = planMessages(envelope('grants.award.granted', s['grants.award.granted']), {
      operators: [],
    });
    expect(m).toMatchObject({
      template: 'award-granted',
      reference: 'OWES/2026/00042',
      recipient: { email: 'anna.kowalska@example.pl' },
    });
    expect(m.data).toMatchObject({ amount: 12_769_100, score: 72.5, appealLastDay: '2027-02-17' });
  });

  it('tells the evaluator and every operator mailbox when an evaluation is overdue', () => {
    const event = envelope('grants.evaluation.overdue', s['grants.evaluation.overdue']);
    const messages = planMessages(event, { operators: ['a@owes.example.pl', 'b@owes.example.pl'] });
    expect(messages.map((m) => [m.template, m.recipient.email])).toEqual([
      ['evaluation-overdue', 'jan.nowak@example.pl'],
      ['evaluation-overdue-operator', 'a@owes.example.pl'],
      ['evaluation-overdue-operator', 'b@owes.example.pl'],
    ]);
    expect(planMessages(event, { operators: [] })).toHaveLength(1);
  });

  it('tells the enterprise and the operators when a job report is overdue', () => {
    const messages = planMessages(
      envelope('grants.job.report-overdue', s['grants.job.report-overdue']),
      { operators: ['a@owes.example.pl'] },
    );
    expect(messages.map((m) => m.template)).toEqual([
      'job-report-overdue',
      'job-report-overdue-operator',
    ]);
  });

  it('sends nothing for an event that asks or decides nothing of a person', () => {
    expect(
      planMessages(envelope('grants.ranking.published', s['grants.ranking.published']), {
        operators: ['a@owes.example.pl'],
      }),
    ).toEqual([]);
  });
});

describe('NotificationEventsController', () => {
  it('subscribes to every event that causes a message or creates or cancels a reminder', () => {
    const proto = NotificationEventsController.prototype as any;
    const subscribed = Object.getOwnPropertyNames(proto)
      .flatMap(
        (name) =>
          (Reflect.getMetadata(PATTERN_METADATA, proto[name]) as string[] | undefined) ?? [],
      )
      .sort();
    expect(subscribed).toEqual([...new Set([...MESSAGE_SUBJECTS, ...REMINDER_SUBJECTS])].sort());
  });
});
