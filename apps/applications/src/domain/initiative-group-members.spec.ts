import { PLOCK_COUNTIES, groupForm, legalMember, naturalMember } from '../../test/form-fixtures.js';
import { groupProblems } from './initiative-group.js';
import { problemMessage } from './messages.js';

const rules = { minNaturalPersons: 3, minLegalPersons: 2, centreCounties: PLOCK_COUNTIES };
const codes = (form: unknown, r = rules) =>
  groupProblems(form, r).map((p) => `${p.path}:${p.code}`);

describe('members of an initiative group (docs/product.md#initiative-groups)', () => {
  it('accepts a complete group living in the centre’s counties', () => {
    expect(groupProblems(groupForm(), rules)).toEqual([]);
  });

  it('refuses a member living outside the centre’s area, and an unknown TERYT code', () => {
    const form = groupForm({
      members: [
        naturalMember(0),
        naturalMember(1, { county: '1465' }),
        naturalMember(2, { county: '9999' }),
      ],
    });
    expect(groupProblems(form, rules)).toEqual([
      {
        path: 'members[1].county',
        code: 'countyOutsideCentre',
        params: expect.objectContaining({ county: '1465' }),
      },
      { path: 'members[2].county', code: 'unknownCounty' },
    ]);
  });

  it('names the member and the county in words (TERYT name), not the code', () => {
    const form = groupForm({
      members: [
        naturalMember(0),
        naturalMember(1, { fullName: 'Piotr Trzeci', county: '1465' }),
        naturalMember(2),
        legalMember({ county: '1016' }),
      ],
    });
    const messages = groupProblems(form, rules).map((p) => [p.path, problemMessage(p)]);
    expect(messages).toEqual([
      [
        'members[1].county',
        {
          pl: 'Członek grupy Piotr Trzeci: miasto stołeczne Warszawa (woj. mazowieckie) leży poza obszarem działania ośrodka',
          en: "Group member Piotr Trzeci: the capital city of Warszawa (mazowieckie voivodeship) lies outside the centre's area",
        },
      ],
      [
        'members[3].county',
        {
          pl: 'Członek grupy Stowarzyszenie Razem: powiat tomaszowski (woj. łódzkie) leży poza obszarem działania ośrodka',
          en: "Group member Stowarzyszenie Razem: powiat tomaszowski (łódzkie voivodeship) lies outside the centre's area",
        },
      ],
    ]);
    for (const [, message] of messages) expect(JSON.stringify(message)).not.toMatch(/\d{4}/);
  });

  it('names a member without a name by their position', () => {
    const form = groupForm({
      members: [
        naturalMember(0),
        naturalMember(1, { fullName: ' ', county: '1061' }),
        naturalMember(2),
      ],
    });
    const [problem] = groupProblems(form, rules);
    expect(problemMessage(problem!)).toEqual({
      pl: 'Członek grupy nr 2: miasto Łódź (woj. łódzkie) leży poza obszarem działania ośrodka',
      en: "Group member no. 2: the city of Łódź (łódzkie voivodeship) lies outside the centre's area",
    });
  });

  it('says once that the centre’s area is unknown when there is none', () => {
    expect(codes(groupForm(), { ...rules, centreCounties: [] })).toEqual([
      'members:centreAreaUnknown',
    ]);
  });

  it('requires every natural person’s consent (true, not merely present)', () => {
    const form = groupForm({
      members: [
        naturalMember(0, { consent: false }),
        naturalMember(1),
        naturalMember(2, { consent: undefined }),
      ],
    });
    expect(codes(form)).toEqual(['members[0].consent:notTrue', 'members[2].consent:notTrue']);
  });

  it('checks that the proof fits the status and that a disability has its degree', () => {
    const form = groupForm({
      members: [
        naturalMember(0, { eligibility: { status: 'unemployed', proofKind: 'self-declaration' } }),
        naturalMember(1, {
          eligibility: { status: 'disability', proofKind: 'disability-certificate' },
        }),
        naturalMember(2, {
          eligibility: {
            status: 'homeless',
            proofKind: 'social-welfare-certificate',
            disabilityDegree: 'light',
          },
        }),
      ],
    });
    expect(codes(form)).toEqual([
      'members[0].eligibility.proofKind:proofNotAccepted',
      'members[1].eligibility.disabilityDegree:disabilityDegreeRequired',
      'members[2].eligibility.disabilityDegree:disabilityDegreeUnexpected',
    ]);
  });

  it('refuses the same person or entity twice, pointing at the first occurrence', () => {
    const form = groupForm({
      members: [
        naturalMember(0),
        naturalMember(1),
        naturalMember(2, { pesel: naturalMember(0).pesel }),
        legalMember(),
        legalMember({ nip: '856-734-62-15', krs: '0000000002', regon: '123456785' }),
      ],
    });
    expect(groupProblems(form, rules)).toEqual([
      { path: 'members[2].pesel', code: 'duplicatePesel', params: { other: 'members[0].pesel' } },
      { path: 'members[4].nip', code: 'duplicateIdentifier', params: { other: 'members[3].nip' } },
      {
        path: 'members[4].regon',
        code: 'duplicateIdentifier',
        params: { other: 'members[3].regon' },
      },
    ]);
  });

  it('refuses fields of the other kind of person', () => {
    const form = groupForm({
      members: [
        naturalMember(0, { krs: '0000000001' }),
        naturalMember(1),
        naturalMember(2),
        legalMember({ pesel: '44051401359' }),
      ],
    });
    expect(codes(form)).toEqual([
      'members[0].krs:notLegalPersonField',
      'members[3].pesel:notNaturalPersonField',
    ]);
  });
});
