import 'reflect-metadata';
import { applicationForm, groupForm, naturalMember } from '../../test/form-fixtures.js';
import { ApplicationFormDto } from '../applications/application-form.dto.js';
import { InitiativeGroupFormDto } from '../initiative-groups/initiative-group.dto.js';
import { fieldProblems, formProblems, mergeProblems } from './form-validation.js';

const paths = (problems: { path: string }[]) => problems.map((p) => p.path);

describe('form validation with the DTOs', () => {
  it('accepts complete forms when submitting', async () => {
    expect(await formProblems(ApplicationFormDto, applicationForm(2), 'submit')).toEqual([]);
    expect(await formProblems(InitiativeGroupFormDto, groupForm(), 'submit')).toEqual([]);
  });

  it('lets a draft be partial and half-typed, but not of the wrong type or with unknown fields', async () => {
    expect(await formProblems(ApplicationFormDto, {}, 'draft')).toEqual([]);
    expect(
      await formProblems(
        ApplicationFormDto,
        { jobs: [{ person: { pesel: '4405' } }], applicant: { nip: '85' } },
        'draft',
      ),
    ).toEqual([]);
    const problems = await formProblems(
      ApplicationFormDto,
      { jobs: [{}, {}, { workingTime: 2 }], total: 100, budget: [{ amount: 'sto' }] },
      'draft',
    );
    expect(problems).toEqual([
      { path: 'form.total', message: { pl: 'Nieznane pole', en: 'Unknown field' } },
      expect.objectContaining({ path: 'form.jobs[2].workingTime' }),
      {
        path: 'form.budget[0].amount',
        message: { pl: 'Wartość musi być liczbą całkowitą', en: 'Must be a whole number' },
      },
    ]);
  });

  it('reports every problem of a submission at once, with its JSON path and Polish and English text', async () => {
    const form = applicationForm(3);
    (form.jobs as any[])[2].workingTime = '2/3';
    (form.jobs as any[])[1].person.pesel = '44051401358';
    delete (form.businessPlan as any).market;
    (form.applicant as any).county = 'Płock';
    const problems = await formProblems(ApplicationFormDto, form, 'submit');
    expect(paths(problems)).toEqual([
      'form.applicant.county',
      'form.jobs[1].person.pesel',
      'form.jobs[2].workingTime',
      'form.businessPlan.market',
    ]);
    expect(problems[1].message).toEqual({
      pl: 'Nieprawidłowy numer PESEL',
      en: 'Invalid PESEL number',
    });
    expect(problems[3].message).toEqual({ pl: 'Pole jest wymagane', en: 'This field is required' });
  });

  it('checks only the fields of a member’s kind', async () => {
    const problems = await formProblems(
      InitiativeGroupFormDto,
      groupForm({
        members: [
          naturalMember(0, { pesel: '123' }),
          {
            kind: 'legal',
            name: 'Fundacja',
            krs: '0000000001',
            nip: '1234567890',
            regon: '123456785',
            county: '1462',
          },
        ],
      }),
      'submit',
    );
    expect(paths(problems)).toEqual(['form.members[0].pesel', 'form.members[1].nip']);
  });

  it('refuses a form that is not an object', async () => {
    expect(paths(await formProblems(ApplicationFormDto, [], 'draft'))).toEqual(['form']);
  });

  it('gives a field one message: the type problem wins over a rule on the same path', () => {
    const typeProblem = { path: 'form.jobs[0].workingTime', message: { pl: 'typ', en: 'type' } };
    const merged = mergeProblems(
      [typeProblem],
      fieldProblems([
        { path: 'jobs[0].workingTime', code: 'unknownWorkingTime' },
        { path: 'budget', code: 'budgetRequired' },
        { path: 'budget', code: 'budgetRequired' },
      ]),
    );
    expect(merged).toEqual([
      typeProblem,
      {
        path: 'form.budget',
        message: expect.objectContaining({ pl: 'Podaj co najmniej jedną pozycję budżetu' }),
      },
    ]);
  });
});
