import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SECTIONS,
  fieldId,
  mergeSection,
  parseMoney,
  parseSection,
  sectionBySlug,
  sectionOfPath,
  sectionStatus,
  valuesFromForm,
} from './form-sections.js';

const EXAMPLE = JSON.parse(
  readFileSync(join(process.cwd(), 'docs', 'examples', 'application-form.json'), 'utf8'),
);

describe('the application form’s sections', () => {
  it('names a field by its form path, as the API’s problems name it', () => {
    expect(fieldId('form.jobs[1].grossSalary')).toBe('jobs-1-grossSalary');
    expect(fieldId('form.deMinimis.items[0].grantedOn')).toBe('deMinimis-items-0-grantedOn');
    expect(sectionOfPath('form.jobs[1].person.pesel')?.slug).toBe('miejsca-pracy');
    expect(sectionOfPath('form.declarations.truthful')?.slug).toBe('oswiadczenia');
    expect(sectionOfPath('form.unknown')).toBeUndefined();
  });

  it('turns every section of the example into page values and back into the same form', () => {
    let form: Record<string, unknown> = {};
    for (const section of SECTIONS) {
      const { values } = valuesFromForm(section, EXAMPLE);
      const parsed = parseSection(section, values);
      expect(parsed.problems).toEqual([]);
      form = mergeSection(form, section, parsed.part);
    }
    expect(form).toEqual(EXAMPLE);
  });

  it('keeps what cannot be typed right out of the save, with a message for its field', () => {
    const section = sectionBySlug('miejsca-pracy')!;
    const parsed = parseSection(section, {
      'jobs-0-position': 'Kucharz',
      'jobs-3-position': 'Kelner',
      'jobs-3-plannedStart-day': '31',
      'jobs-3-plannedStart-month': '2',
      'jobs-3-plannedStart-year': '2027',
    });
    expect(parsed.part).toEqual([{ position: 'Kucharz' }, { position: 'Kelner' }]);
    expect(parsed.problems).toEqual([{ id: 'jobs-1-plannedStart-day', key: 'form.error.date' }]);
    const removed = parseSection(
      section,
      { 'jobs-0-position': 'A', 'jobs-1-position': 'B' },
      { remove: 0, add: true },
    );
    expect(removed.part).toEqual([{ position: 'B' }, {}]);
    expect(parseMoney('60 424,5')).toBe(6_042_450);
    expect(parseMoney('12.3.4')).toBeUndefined();
  });

  it('derives each section’s status from its content and the last submit’s problems', () => {
    const jobs = sectionBySlug('miejsca-pracy')!;
    expect(sectionStatus(jobs, {}, [])).toBe('not-started');
    expect(sectionStatus(jobs, { jobs: [{}] }, [])).toBe('not-started');
    expect(sectionStatus(jobs, { jobs: [{ position: 'Kucharz' }] }, [])).toBe('in-progress');
    expect(sectionStatus(jobs, EXAMPLE, [])).toBe('completed');
    expect(sectionStatus(jobs, EXAMPLE, ['form.jobs[0].person.pesel'])).toBe('in-progress');
    for (const section of SECTIONS) expect(sectionStatus(section, EXAMPLE, [])).toBe('completed');
  });
});
