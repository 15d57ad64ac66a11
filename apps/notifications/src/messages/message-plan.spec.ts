import { PATTERN_METADATA } from '@nestjs/microservices/constants.js';
import { parseEnvelope } from '@app/common';
import { sampleEvents, envelope, samplePayloads } from '../../test/sample-events.js';
import { REMINDER_SUBJECTS } from '../reminders/reminder-rules.js';
import { MESSAGE_SUBJECTS, planMessages } from './message-plan.js';
import { NotificationEventsController } from './notification-events.controller.js';

const s = samplePayloads();

describe('sample events', () => {
  it('keep to the contracts, as the producing services emit them', () => {
    for (const event of sampleEvents()) {
      expect(() => parseEnvelope(event.type, JSON.parse(JSON.stringify(event)))).not.toThrow();
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

  it('tells the award-granted template whether the award came from the reserve list', () => {
    const granted = s['grants.award.granted'];
    const plan = (payload: typeof granted) =>
      planMessages(envelope('grants.award.granted', payload), { operators: [] })[0].data;
    expect(plan(granted)).toMatchObject({ fromReserve: false });
    expect(plan({ ...granted, fromReserve: false })).toMatchObject({ fromReserve: false });
    expect(plan({ ...granted, fromReserve: true })).toMatchObject({ fromReserve: true });
  });

  it('confirms to the applicant that an award was given up', () => {
    const messages = planMessages(envelope('grants.award.given-up', s['grants.award.given-up']), {
      operators: ['a@owes.example.pl'],
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      template: 'award-given-up',
      reference: 'OWES/2026/00042',
      recipient: { email: 'anna.kowalska@example.pl' },
      data: { amount: 12_769_100, by: 'applicant', givenUpAt: '2027-03-05T09:20:00.000Z' },
    });
  });

  it('sends a bridging-extension request to every operator mailbox to decide', () => {
    const event = envelope(
      'grants.bridging-extension.requested',
      s['grants.bridging-extension.requested'],
    );
    const messages = planMessages(event, { operators: ['a@owes.example.pl', 'b@owes.example.pl'] });
    expect(messages.map((m) => [m.template, m.recipient])).toEqual([
      [
        'bridging-extension-requested-operator',
        { email: 'a@owes.example.pl', name: '', language: 'pl' },
      ],
      [
        'bridging-extension-requested-operator',
        { email: 'b@owes.example.pl', name: '', language: 'pl' },
      ],
    ]);
    expect(messages[0]).toMatchObject({
      reference: 'OWES/2026/00042',
      data: {
        awardId: s['grants.bridging-extension.requested'].awardId,
        requestId: s['grants.bridging-extension.requested'].requestId,
        months: 6,
        monthlyAmount: 150_000,
        jobs: 2,
        amount: 1_800_000,
        applicantName: 'Anna Kowalska',
        applicantEmail: 'anna.kowalska@example.pl',
      },
    });
    expect(planMessages(event, { operators: [] })).toEqual([]);
  });

  it('tells the applicant how a bridging-extension request was decided', () => {
    const decided = s['grants.bridging-extension.decided'];
    const [approved] = planMessages(envelope('grants.bridging-extension.decided', decided), {
      operators: ['a@owes.example.pl'],
    });
    expect(approved).toMatchObject({
      template: 'bridging-extension-decided',
      recipient: { email: 'anna.kowalska@example.pl' },
      data: { approved: true, reason: null, awardAmount: 14_569_100 },
    });
    const rejected = planMessages(
      envelope('grants.bridging-extension.decided', {
        ...decided,
        decision: 'rejected',
        reason: 'Brak środków',
        awardAmount: 12_769_100,
      }),
      { operators: ['a@owes.example.pl'] },
    );
    expect(rejected).toHaveLength(1);
    expect(rejected[0].data).toMatchObject({ approved: false, reason: 'Brak środków' });
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
