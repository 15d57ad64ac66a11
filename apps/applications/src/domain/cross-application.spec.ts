import {
  PESELS,
  VALID_KRS,
  VALID_NIP,
  VALID_REGON,
  applicationForm,
  job,
} from '../../test/form-fixtures.js';
import {
  compareSubmission,
  crossApplicationConflicts,
  entityKeys,
  type CrossApplication,
} from './cross-application.js';

const CALL = 'c0000000-0000-4000-8000-000000000001';
const OTHER_CALL = 'c0000000-0000-4000-8000-000000000002';
const PROGRAMME = 'p0000000-0000-4000-8000-000000000001';
const LIMIT = 10;

let n = 0;
/** A submitted application of the call; `minute` orders the submissions. */
function app(
  form: Record<string, unknown>,
  overrides: Partial<CrossApplication> & { minute?: number } = {},
): CrossApplication {
  n += 1;
  const { minute = n, ...rest } = overrides;
  return {
    id: `a${String(n).padStart(7, '0')}-0000-4000-8000-000000000000`,
    reference: `OWES/2026/${String(n).padStart(5, '0')}`,
    callId: CALL,
    programmeId: PROGRAMME,
    state: 'submitted',
    submittedAt: new Date(Date.UTC(2026, 11, 2, 9, minute)),
    awardStatus: null,
    form,
    ...rest,
  };
}

/** An application with `jobs` jobs whose employees have the PESELs of `persons` (by index). */
function withJobs(jobs: number, applicant: Record<string, unknown> = {}, persons?: string[]) {
  const form = applicationForm(jobs);
  form.applicant = { ...(form.applicant as object), ...applicant } as typeof form.applicant;
  form.jobs = Array.from({ length: jobs }, (_, i) =>
    job(i, {
      person: {
        ...(job(i).person as object),
        pesel: persons?.[i] ?? `${String(n * 100 + i).padStart(11, '9')}`,
      },
    }),
  );
  return form;
}

/** Another entity altogether. */
const OTHER_ENTITY = { nip: '5260250995', krs: '0000012345', regon: '012100784' };
const NO_KRS = { krs: undefined };

const rules = (subject: CrossApplication, others: CrossApplication[], limit = LIMIT) =>
  crossApplicationConflicts(subject, others, limit).map((c) => c.rule);

describe('max-jobs-per-entity across applications (docs/product.md#rules-across-applications)', () => {
  it('adds up the jobs of the same NIP submitted from different accounts, and flags the later application', () => {
    const first = app(withJobs(6));
    const second = app(withJobs(6));
    const [conflict] = crossApplicationConflicts(second, [first], LIMIT);
    expect(conflict).toMatchObject({
      rule: 'max-jobs-per-entity',
      path: 'jobs',
      jobs: 12,
      limit: 10,
      conflictsWith: [
        {
          applicationId: first.id,
          reference: first.reference,
          callId: CALL,
          scope: 'call',
          jobs: 6,
        },
      ],
    });
    expect(conflict.message.pl).toContain('łącznie 12, dopuszczalne w naborze 10');
    expect(conflict.message.pl).toContain(`${first.reference} (6)`);
    expect(conflict.message.en).toContain('12 in all, 10 allowed');
    // the earlier application is never the one flagged
    expect(crossApplicationConflicts(first, [second], LIMIT)).toEqual([]);
  });

  it('stays quiet within the limit', () => {
    const first = app(withJobs(4));
    const second = app(withJobs(6));
    expect(crossApplicationConflicts(second, [first], LIMIT)).toEqual([]);
    expect(rules(app(withJobs(1)), [first, second])).toEqual(['max-jobs-per-entity']);
  });

  it('treats the same KRS under a different NIP as the same entity (any identifier shared)', () => {
    const first = app(withJobs(6));
    const second = app(withJobs(6, { nip: OTHER_ENTITY.nip, regon: OTHER_ENTITY.regon }));
    expect(rules(second, [first])).toEqual(['max-jobs-per-entity']);
  });

  it('treats the same REGON as the same entity, a 14-digit local unit as its entity, and ignores dashes and spaces', () => {
    const first = app(withJobs(6));
    const byRegon = app(withJobs(6, { ...OTHER_ENTITY, ...NO_KRS, regon: VALID_REGON }));
    expect(rules(byRegon, [first])).toEqual(['max-jobs-per-entity']);
    expect(entityKeys({ applicant: { regon: `${VALID_REGON}12347` } })).toEqual([
      `regon:${VALID_REGON}`,
    ]);
    expect(
      entityKeys({ applicant: { nip: '856-734-62-15', krs: '123456', regon: ' 123456785 ' } }),
    ).toEqual([`nip:${VALID_NIP}`, `krs:${VALID_KRS}`, `regon:${VALID_REGON}`]);
  });

  it('links an entity through a chain of applications (NIP shared with one, KRS with another)', () => {
    const a = app(withJobs(4));
    const b = app(withJobs(4, { nip: OTHER_ENTITY.nip, regon: OTHER_ENTITY.regon }));
    const c = app(withJobs(4, { ...OTHER_ENTITY, krs: OTHER_ENTITY.krs }));
    const [conflict] = crossApplicationConflicts(c, [a, b], LIMIT);
    expect(conflict.jobs).toBe(12);
    expect(conflict.conflictsWith.map((x) => x.applicationId)).toEqual([a.id, b.id]);
  });

  it('does not count another entity', () => {
    const first = app(withJobs(6));
    const second = app(withJobs(6, OTHER_ENTITY));
    expect(crossApplicationConflicts(second, [first], LIMIT)).toEqual([]);
  });

  it("identifies an initiative group's application by its group id", () => {
    const group = { kind: 'initiative-group', groupId: 'AB0C0000-0000-4000-8000-00000000000A' };
    const none = { nip: undefined, krs: undefined, regon: undefined };
    const first = app(withJobs(6, { ...none, ...group }));
    const second = app(withJobs(6, { ...none, ...group, groupId: group.groupId.toLowerCase() }));
    const other = app(
      withJobs(6, { ...none, ...group, groupId: 'ab0c0000-0000-4000-8000-00000000000b' }),
    );
    expect(rules(second, [first])).toEqual(['max-jobs-per-entity']);
    expect(rules(other, [first])).toEqual([]);
  });

  it('forgets an earlier application once it is withdrawn or rejected, or its award given up', () => {
    const first = app(withJobs(6));
    const second = app(withJobs(6));
    for (const state of ['withdrawn', 'formally-rejected', 'draft'] as const) {
      expect(crossApplicationConflicts(second, [{ ...first, state }], LIMIT)).toEqual([]);
    }
    expect(rules(second, [{ ...first, state: 'corrections-requested' }])).toEqual([
      'max-jobs-per-entity',
    ]);
    expect(rules(second, [{ ...first, state: 'formally-accepted' }])).toEqual([
      'max-jobs-per-entity',
    ]);
    expect(
      rules(second, [{ ...first, state: 'formally-accepted', awardStatus: 'given-up' }]),
    ).toEqual([]);
  });

  it('has no conflict for an application that is not active itself', () => {
    const first = app(withJobs(6));
    for (const state of ['withdrawn', 'formally-rejected', 'draft'] as const) {
      expect(crossApplicationConflicts(app(withJobs(6), { state }), [first], LIMIT)).toEqual([]);
    }
  });

  it('orders by the first submission moment, then by reference', () => {
    const early = app(withJobs(6), { minute: 1, reference: 'OWES/2026/00090' });
    const late = app(withJobs(6), { minute: 2, reference: 'OWES/2026/00010' });
    expect(rules(late, [early])).toEqual(['max-jobs-per-entity']);
    expect(rules(early, [late])).toEqual([]);
    const tieA = app(withJobs(6), { minute: 5, reference: 'OWES/2026/99999' });
    const tieB = app(withJobs(6), { minute: 5, reference: 'OWES/2026/100000' });
    expect(compareSubmission(tieA, tieB)).toBeLessThan(0);
    expect(rules(tieB, [tieA])).toEqual(['max-jobs-per-entity']);
    expect(rules(tieA, [tieB])).toEqual([]);
  });

  it('counts what the entity was granted in other calls of the programme while the award stands', () => {
    const funded = app(withJobs(6), {
      callId: OTHER_CALL,
      state: 'formally-accepted',
      awardStatus: 'granted',
      minute: 50, // even if submitted later: a funded job is no longer up for a check
    });
    const subject = app(withJobs(6), { minute: 10 });
    const [conflict] = crossApplicationConflicts(subject, [funded], LIMIT);
    expect(conflict).toMatchObject({
      rule: 'max-jobs-per-entity',
      jobs: 12,
      conflictsWith: [{ applicationId: funded.id, scope: 'programme', callId: OTHER_CALL }],
    });
    expect(conflict.message.pl).toContain('finansowany w innym naborze programu');
    for (const awardStatus of ['given-up', 'settled', null] as const) {
      expect(crossApplicationConflicts(subject, [{ ...funded, awardStatus }], LIMIT)).toEqual([]);
    }
    // another programme, or a call with no programme, does not count
    expect(
      crossApplicationConflicts(subject, [{ ...funded, programmeId: 'another' }], LIMIT),
    ).toEqual([]);
    expect(crossApplicationConflicts({ ...subject, programmeId: null }, [funded], LIMIT)).toEqual(
      [],
    );
  });
});

describe('person-in-another-job across applications (docs/product.md#rules-across-applications)', () => {
  it('flags the same PESEL as the employee of two applications in one call, on the later one', () => {
    const first = app(withJobs(2, OTHER_ENTITY, [PESELS[3], PESELS[4]]));
    const second = app(withJobs(2, {}, [PESELS[5], PESELS[4]]));
    const conflicts = crossApplicationConflicts(second, [first], LIMIT);
    expect(conflicts).toEqual([
      {
        rule: 'person-in-another-job',
        path: 'jobs[1].person.pesel',
        message: {
          pl: expect.stringContaining(first.reference),
          en: expect.stringContaining('the same PESEL'),
        },
        conflictsWith: [
          {
            applicationId: first.id,
            reference: first.reference,
            callId: CALL,
            scope: 'call',
            path: 'jobs[1].person.pesel',
          },
        ],
      },
    ]);
    expect(JSON.stringify(conflicts)).not.toContain(PESELS[4]);
    expect(crossApplicationConflicts(first, [second], LIMIT)).toEqual([]);
  });

  it('forgets the earlier application once it is withdrawn or rejected', () => {
    const first = app(withJobs(1, OTHER_ENTITY, [PESELS[3]]));
    const second = app(withJobs(1, {}, [PESELS[3]]));
    expect(rules(second, [first])).toEqual(['person-in-another-job']);
    expect(rules(second, [{ ...first, state: 'withdrawn' }])).toEqual([]);
    expect(rules(second, [{ ...first, state: 'formally-rejected' }])).toEqual([]);
  });

  it('flags a PESEL employed in a job still funded in another call of the programme', () => {
    const funded = app(withJobs(1, OTHER_ENTITY, [PESELS[6]]), {
      callId: OTHER_CALL,
      state: 'formally-accepted',
      awardStatus: 'granted',
    });
    const subject = app(withJobs(2, {}, [PESELS[2], PESELS[6]]));
    const [conflict] = crossApplicationConflicts(subject, [funded], LIMIT);
    expect(conflict).toMatchObject({
      rule: 'person-in-another-job',
      path: 'jobs[1].person.pesel',
      conflictsWith: [
        { applicationId: funded.id, scope: 'programme', path: 'jobs[0].person.pesel' },
      ],
    });
    expect(conflict.message.en).toContain('funded in another call of the programme');
  });

  it('lets the person go once that award is given up or settled, or in another programme', () => {
    const funded = app(withJobs(1, OTHER_ENTITY, [PESELS[6]]), {
      callId: OTHER_CALL,
      state: 'formally-accepted',
      awardStatus: 'granted',
    });
    const subject = app(withJobs(1, {}, [PESELS[6]]));
    expect(rules(subject, [{ ...funded, awardStatus: 'given-up' }])).toEqual([]);
    expect(rules(subject, [{ ...funded, awardStatus: 'settled' }])).toEqual([]);
    expect(rules(subject, [{ ...funded, programmeId: null }])).toEqual([]);
    // an active application of another call that is not funded does not count either
    expect(rules(subject, [{ ...funded, state: 'submitted', awardStatus: null }])).toEqual([]);
  });

  it('reports both rules at once, the jobs limit first', () => {
    const first = app(withJobs(6, {}, [PESELS[0], PESELS[1]]));
    const second = app(withJobs(6, {}, [PESELS[2], PESELS[1]]));
    expect(rules(second, [first])).toEqual(['max-jobs-per-entity', 'person-in-another-job']);
  });

  it('lists every earlier application the same person is in', () => {
    const a = app(withJobs(1, OTHER_ENTITY, [PESELS[3]]));
    const b = app(withJobs(1, { ...OTHER_ENTITY, nip: VALID_NIP }, [PESELS[3]]), {
      callId: OTHER_CALL,
      awardStatus: 'granted',
      state: 'formally-accepted',
    });
    const subject = app(
      withJobs(1, { nip: '1234563218', krs: undefined, regon: undefined }, [PESELS[3]]),
    );
    const [conflict] = crossApplicationConflicts(subject, [b, a], LIMIT);
    expect(conflict.conflictsWith.map((c) => [c.reference, c.scope])).toEqual([
      [a.reference, 'call'],
      [b.reference, 'programme'],
    ]);
  });
});
