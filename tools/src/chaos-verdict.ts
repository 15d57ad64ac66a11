/** What was found for one reference after a fault run. */
export interface ReferenceTrace {
  /** Rows in applications.applications with the reference. */
  applicationRows: number;
  /** Rows in grants' read model with the reference. */
  grantsRows: number;
  /** Its confirmation's delivery rows, and how many of them are `sent`. */
  deliveryRows: number;
  sentDeliveryRows: number;
  /** Copies received by the SMTP server, per Message-ID. */
  mails: ReadonlyMap<string, number>;
}

export interface ReferenceJudgement {
  /** Why it is lost (empty: it is not). */
  lost: string[];
  /** Why it was done twice (empty: it was not). */
  duplicated: string[];
  /** Only the same Message-ID came more than once (a resend after a crash between send and record). */
  resentSameId: boolean;
}

/**
 * The fault suite's rule for one reference (README "Fault suite"): once in the database, once in
 * grants, one delivery row that is sent, e-mailed. Lost: one of them missing. Duplicated: a second
 * row anywhere, or a second *distinct* Message-ID. The same Message-ID twice is counted apart:
 * SMTP has no idempotency key, so a crash after the server accepted and before the `sent` mark
 * resends the same message.
 */
export function judgeReference(t: ReferenceTrace): ReferenceJudgement {
  const copies = [...t.mails.values()].reduce((a, n) => a + n, 0);
  const lost = [
    t.applicationRows === 0 && 'acknowledged but not in applications',
    t.grantsRows === 0 && 'not in grants',
    t.deliveryRows === 0 && 'no delivery row',
    t.deliveryRows > 0 && t.sentDeliveryRows === 0 && 'delivery not sent',
    t.mails.size === 0 && 'never e-mailed',
  ].filter((x): x is string => typeof x === 'string');
  const duplicated = [
    t.applicationRows > 1 && `${t.applicationRows} application rows`,
    t.grantsRows > 1 && `${t.grantsRows} grants rows`,
    t.deliveryRows > 1 && `${t.deliveryRows} delivery rows`,
    t.mails.size > 1 && `${t.mails.size} distinct Message-IDs`,
  ].filter((x): x is string => typeof x === 'string');
  return { lost, duplicated, resentSameId: duplicated.length === 0 && copies > t.mails.size };
}
