import { describe, expect, it } from '@jest/globals';
import { judgeReference, type ReferenceTrace } from './chaos-verdict.js';

const once: ReferenceTrace = {
  applicationRows: 1,
  grantsRows: 1,
  deliveryRows: 1,
  sentDeliveryRows: 1,
  mails: new Map([['<a@owes-grants>', 1]]),
};

describe('the fault suite counts each reference (README "Fault suite")', () => {
  it('a reference stored, read by grants, delivered and e-mailed once is neither lost nor doubled', () => {
    expect(judgeReference(once)).toEqual({ lost: [], duplicated: [], resentSameId: false });
  });

  it('an acknowledged submission missing from the database is lost', () => {
    expect(judgeReference({ ...once, applicationRows: 0 }).lost).toEqual([
      'acknowledged but not in applications',
    ]);
  });

  it('a reference never e-mailed, or whose delivery is not sent, is lost', () => {
    const j = judgeReference({ ...once, sentDeliveryRows: 0, mails: new Map() });
    expect(j.lost).toEqual(['delivery not sent', 'never e-mailed']);
  });

  it('a reference grants never saw is lost, and one with no delivery row too', () => {
    expect(judgeReference({ ...once, grantsRows: 0, deliveryRows: 0 }).lost).toEqual([
      'not in grants',
      'no delivery row',
    ]);
  });

  it('two distinct Message-IDs for one reference are a duplicate, not a resend', () => {
    const j = judgeReference({
      ...once,
      mails: new Map([
        ['<a@owes-grants>', 1],
        ['<b@owes-grants>', 1],
      ]),
    });
    expect(j).toEqual({ lost: [], duplicated: ['2 distinct Message-IDs'], resentSameId: false });
  });

  it('the same Message-ID twice is counted apart as a resend', () => {
    const j = judgeReference({ ...once, mails: new Map([['<a@owes-grants>', 2]]) });
    expect(j).toEqual({ lost: [], duplicated: [], resentSameId: true });
  });

  it('a second row in grants or in the deliveries is a duplicate', () => {
    expect(judgeReference({ ...once, grantsRows: 2, deliveryRows: 2 }).duplicated).toEqual([
      '2 grants rows',
      '2 delivery rows',
    ]);
  });
});
