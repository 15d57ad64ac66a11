import { groupForm, legalMember, naturalMember } from '../../test/form-fixtures.js';
import { founderProblems, groupComposition } from './initiative-group.js';

const defaults = { minNaturalPersons: 3, minLegalPersons: 2 };
const naturals = (n: number) => Array.from({ length: n }, (_, i) => naturalMember(i));
const legals = (n: number) =>
  Array.from({ length: n }, (_, i) => legalMember({ krs: `000000000${i + 1}`.slice(-10) }));

describe('founders of an initiative group (docs/product.md#initiative-groups)', () => {
  describe('social cooperative: at least 3 natural or at least 2 legal persons', () => {
    it.each([
      ['3 natural', naturals(3), true],
      ['2 natural', naturals(2), false],
      ['2 legal', legals(2), true],
      ['1 legal', legals(1), false],
      ['2 natural + 1 legal', [...naturals(2), ...legals(1)], false],
      ['5 natural + 1 legal', [...naturals(5), ...legals(1)], true],
    ])('%s → allowed: %s', (_, members, allowed) => {
      const problems = founderProblems(
        groupForm({ plannedLegalForm: 'social-cooperative', members }),
        defaults,
      );
      expect(problems.length === 0).toBe(allowed);
      if (!allowed)
        expect(problems).toEqual([
          expect.objectContaining({ path: 'members', code: 'foundersSocialCooperative' }),
        ]);
    });

    it('is statutory: a lower general minimum does not loosen it', () => {
      const problems = founderProblems(
        groupForm({ plannedLegalForm: 'social-cooperative', members: naturals(2) }),
        { minNaturalPersons: 2, minLegalPersons: 1 },
      );
      expect(problems.map((p) => p.code)).toEqual(['foundersSocialCooperative']);
    });
  });

  describe('other legal forms: the setting (3 natural by default) or 2 legal persons', () => {
    it('accepts 3 natural persons for an association and refuses 2', () => {
      expect(
        founderProblems(
          groupForm({ plannedLegalForm: 'association', members: naturals(3) }),
          defaults,
        ),
      ).toEqual([]);
      expect(
        founderProblems(
          groupForm({ plannedLegalForm: 'association', members: naturals(2) }),
          defaults,
        ),
      ).toEqual([
        {
          path: 'members',
          code: 'foundersGeneral',
          params: { natural: 2, legal: 0, minNatural: 3, minLegal: 2 },
        },
      ]);
    });

    it('follows the setting: 5 natural persons required', () => {
      const rules = { minNaturalPersons: 5, minLegalPersons: 2 };
      expect(
        founderProblems(groupForm({ plannedLegalForm: 'foundation', members: naturals(4) }), rules),
      ).toHaveLength(1);
      expect(
        founderProblems(groupForm({ plannedLegalForm: 'foundation', members: naturals(5) }), rules),
      ).toEqual([]);
    });

    it('accepts 2 legal persons founding a non-profit company', () => {
      expect(
        founderProblems(
          groupForm({ plannedLegalForm: 'non-profit-company', members: legals(2) }),
          defaults,
        ),
      ).toEqual([]);
    });
  });

  it('counts members by kind and lists their distinct counties in order', () => {
    const form = groupForm({
      members: [naturalMember(0), naturalMember(4), legalMember({ county: '1419' })],
    });
    expect(groupComposition(form)).toEqual({
      naturalPersons: 2,
      legalPersons: 1,
      counties: ['1462', '1419'],
    });
  });

  it('copes with a malformed form (no members at all)', () => {
    expect(founderProblems({ plannedLegalForm: 'association' }, defaults)).toHaveLength(1);
    expect(groupComposition(null)).toEqual({ naturalPersons: 0, legalPersons: 0, counties: [] });
  });
});
