import { DEFAULT_CENTRE_ID } from '@app/common';
import { renderMessage } from '../templates/render.js';
import {
  centreLetterhead,
  formatAddress,
  installationLetterhead,
  operatorsOf,
  parseAddress,
  type CentreRecord,
} from './letterhead.js';

const ENV = {
  MAIL_FROM: 'OWES Grants <no-reply@owes.local>',
  MAIL_REPLY_TO: 'biuro@owes.local',
  OPERATOR_EMAILS: ['operatorzy@owes.local'],
};

const ZG: CentreRecord = {
  id: '11111111-1111-4111-8111-111111111111',
  number: 2,
  name: 'OWES Zielona Góra',
  senderName: 'OWES Zielona Góra',
  senderEmail: 'nabory@owes-zg.example.pl',
  signature: 'Zespół OWES Zielona Góra\nul. Kupiecka 12',
  operatorsMailbox: ['biuro@owes-zg.example.pl'],
  contactEmail: 'kontakt@owes-zg.example.pl',
  active: true,
  version: 3,
};

describe('letterheads (docs/tenancy.md#letters)', () => {
  it('sends the installation’s letters from MAIL_FROM, in the generic frame', () => {
    expect(installationLetterhead(ENV)).toEqual({
      centreId: null,
      mailFrom: ENV.MAIL_FROM,
      replyTo: 'biuro@owes.local',
      frame: null,
    });
  });

  it('sends a centre’s letters from its sender, Reply-To its contact, in its name', () => {
    expect(centreLetterhead(ZG, ENV)).toEqual({
      centreId: ZG.id,
      mailFrom: 'OWES Zielona Góra <nabory@owes-zg.example.pl>',
      replyTo: 'kontakt@owes-zg.example.pl',
      frame: { name: 'OWES Zielona Góra', signature: ZG.signature },
    });
  });

  it('keeps centre no. 1 the installation until it is published', () => {
    const unpublished = { ...ZG, id: DEFAULT_CENTRE_ID, version: 0 };
    expect(centreLetterhead(unpublished, ENV)).toEqual({
      ...installationLetterhead(ENV),
      centreId: DEFAULT_CENTRE_ID,
    });
  });

  it('escalates to the centre’s operators’ mailbox, OPERATOR_EMAILS when it has none', () => {
    expect(operatorsOf(ZG, ENV)).toEqual(['biuro@owes-zg.example.pl']);
    expect(operatorsOf({ ...ZG, operatorsMailbox: [] }, ENV)).toEqual(['operatorzy@owes.local']);
    expect(operatorsOf(null, ENV)).toEqual(['operatorzy@owes.local']);
  });

  it('quotes a sender name that needs it and never lets a line break into the header', () => {
    expect(formatAddress('OWES Płock', 'a@b.pl')).toBe('OWES Płock <a@b.pl>');
    expect(formatAddress('OWES "Płock" – biuro', 'a@b.pl')).toBe(
      '"OWES \\"Płock\\" – biuro" <a@b.pl>',
    );
    expect(formatAddress('OWES\r\nBcc: x@y.pl', 'a@b.pl')).toBe('"OWES Bcc: x@y.pl" <a@b.pl>');
    expect(formatAddress('  ', 'a@b.pl')).toBe('a@b.pl');
  });

  it('reads MAIL_FROM as a name and an address', () => {
    expect(parseAddress('OWES Grants <no-reply@owes.local>')).toEqual({
      name: 'OWES Grants',
      address: 'no-reply@owes.local',
    });
    expect(parseAddress('"OWES, Płock" <a@b.pl>')).toEqual({
      name: 'OWES, Płock',
      address: 'a@b.pl',
    });
    expect(parseAddress('a@b.pl')).toEqual({ name: '', address: 'a@b.pl' });
  });
});

describe('a centre’s letter', () => {
  const data = {
    reference: 'OWES/2026/00042',
    callNumber: 'NAB/1/2026',
    callTitle: 'Tworzenie miejsc pracy',
    submittedAt: '2026-12-03T10:15:00.000Z',
    name: 'Anna',
  };
  const frame = {
    name: 'OWES <Zielona> Góra',
    signature: 'Zespół OWES Zielona Góra\nul. Kupiecka 12',
  };

  it('names the centre and ends with its signature, in Polish and in English', () => {
    const pl = renderMessage('application-submitted', 'pl', data, frame);
    expect(pl.text).toMatch(
      /Z poważaniem\nZespół OWES Zielona Góra\nul\. Kupiecka 12\n\nWiadomość wysłana automatycznie przez system OWES Grants w imieniu: OWES <Zielona> Góra\.$/,
    );
    expect(pl.html).toContain('Z poważaniem<br>Zespół OWES Zielona Góra<br>ul. Kupiecka 12');
    expect(pl.html).toContain('OWES &lt;Zielona&gt; Góra');
    expect(pl.html).not.toContain('<Zielona>');
    const en = renderMessage('application-submitted', 'en', data, frame);
    expect(en.text).toContain('Kind regards\nZespół OWES Zielona Góra');
    expect(en.text).toMatch(/on behalf of OWES <Zielona> Góra\.$/);
  });

  it('signs with the centre’s name when it has no signature', () => {
    const m = renderMessage('application-submitted', 'pl', data, {
      name: 'OWES Płock',
      signature: '',
    });
    expect(m.text).toContain('Z poważaniem\nOWES Płock\n\n');
  });

  it('is the generic letter of the installation without a centre', () => {
    const m = renderMessage('application-submitted', 'pl', data);
    expect(m.text).toMatch(
      /Z poważaniem\nOśrodek Wsparcia Ekonomii Społecznej\n\nWiadomość wysłana automatycznie przez system OWES Grants\.$/,
    );
  });
});
