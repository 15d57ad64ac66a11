import { DEFAULT_CENTRE_ID } from '../tenancy/default-centre.js';
import { randomUUID } from 'node:crypto';
import { EVENT_CONTRACTS, type EventSubject } from './contracts.js';
import { InvalidEventError, createEvent, parseEnvelope } from './envelope.js';
import { producerOf, streamName, wireSubject, logicalSubject } from './streams.js';

const subjects = Object.keys(EVENT_CONTRACTS) as EventSubject[];

describe('event contracts', () => {
  // A breaking change to a published contract shows up here as a snapshot diff: make it a new
  // version (`<subject>.v2`) instead (see contracts.ts).
  it.each(subjects)('%s keeps its JSON schema', (subject) => {
    const { version, schema } = EVENT_CONTRACTS[subject];
    expect({ version, schema: JSON.parse(JSON.stringify(schema)) }).toMatchSnapshot();
  });

  it('names every subject after the service that publishes it', () => {
    for (const subject of subjects) {
      expect(['applications', 'grants', 'notifications']).toContain(producerOf(subject));
      expect(subject).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+(\.v\d+)?$/);
    }
  });

  it('never carries a PESEL', () => {
    for (const subject of subjects) {
      expect(JSON.stringify(EVENT_CONTRACTS[subject].schema).toLowerCase()).not.toContain('pesel');
    }
  });
});

describe('envelope', () => {
  const payload = {
    centreId: DEFAULT_CENTRE_ID,
    applicationId: randomUUID(),
    reference: 'OWES/2026/00042',
    version: 1,
    callId: randomUUID(),
    callNumber: 'NAB/1/2026',
    callTitle: 'Nabór',
    submittedAt: '2026-12-03T10:15:00.000Z',
    applicant: { email: 'anna@example.pl', name: 'Anna', language: 'pl' as const },
  };

  it('carries id, type, version, occurredAt, correlationId and payload', () => {
    const event = createEvent('applications.application.submitted', payload, {
      correlationId: 'corr-1',
      occurredAt: new Date('2026-12-03T10:15:00Z'),
    });
    expect(event).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'applications.application.submitted',
      name: 'applications.application.submitted',
      version: 1,
      occurredAt: '2026-12-03T10:15:00.000Z',
      correlationId: 'corr-1',
      payload,
    });
    expect(parseEnvelope(event.type, JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('refuses an envelope that does not match its subject, version or contract', () => {
    const event = createEvent('applications.application.submitted', payload, {
      correlationId: 'c',
      occurredAt: new Date(),
    });
    expect(() => parseEnvelope('grants.call.published', event)).toThrow(InvalidEventError);
    expect(() => parseEnvelope(event.type, { ...event, version: 2 })).toThrow(/version/);
    expect(() =>
      parseEnvelope(event.type, { ...event, payload: { ...payload, reference: '42' } }),
    ).toThrow(/reference/);
    expect(() =>
      parseEnvelope(event.type, { ...event, payload: { ...payload, callId: 'x' } }),
    ).toThrow(/callId/);
    expect(() => parseEnvelope('unknown.subject.here', event)).toThrow(/Unknown subject/);
    expect(() => parseEnvelope(event.type, 'text')).toThrow(InvalidEventError);
  });
});

describe('stream naming', () => {
  it('namespaces streams and subjects with the prefix, and only then', () => {
    expect(streamName('applications')).toBe('APPLICATIONS');
    expect(streamName('grants', 't1a2b')).toBe('T1A2B_GRANTS');
    expect(wireSubject('grants.call.published')).toBe('grants.call.published');
    expect(wireSubject('grants.call.published', 't1')).toBe('t1.grants.call.published');
    expect(logicalSubject('t1.grants.call.published', 't1')).toBe('grants.call.published');
  });
});

describe('events published before tenancy', () => {
  it('are read as events of centre no. 1', () => {
    const legacy = {
      id: randomUUID(),
      type: 'applications.application.withdrawn',
      name: 'applications.application.withdrawn',
      version: 1,
      occurredAt: '2026-12-03T10:15:00.000Z',
      correlationId: 'c',
      payload: { ...withdrawnPayload() },
    };
    delete (legacy.payload as { centreId?: string }).centreId;
    const parsed = parseEnvelope('applications.application.withdrawn', legacy);
    expect((parsed.payload as { centreId: string }).centreId).toBe(DEFAULT_CENTRE_ID);
  });
});

function withdrawnPayload() {
  return {
    centreId: DEFAULT_CENTRE_ID,
    applicationId: randomUUID(),
    reference: 'OWES/2026/00042',
    callId: randomUUID(),
    withdrawnAt: '2026-12-03T10:15:00.000Z',
    applicant: { email: 'anna@example.pl', name: 'Anna', language: 'pl' as const },
  };
}
