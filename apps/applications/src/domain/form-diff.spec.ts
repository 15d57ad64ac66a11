import { diffForms } from './form-diff.js';

describe('diff between consecutive versions of a form', () => {
  it('lists changed leaves with their form paths', () => {
    const before = {
      applicant: { name: 'A', county: '1462' },
      jobs: [{ workingTime: '1' }, { workingTime: '1/2' }],
    };
    const after = {
      applicant: { name: 'A', county: '1419' },
      jobs: [{ workingTime: '1' }, { workingTime: '3/4' }],
    };
    expect(diffForms(before, after)).toEqual([
      { path: 'applicant.county', kind: 'changed', before: '1462', after: '1419' },
      { path: 'jobs[1].workingTime', kind: 'changed', before: '1/2', after: '3/4' },
    ]);
  });

  it('shows added and removed fields and list items', () => {
    const before = { jobs: [{ a: 1 }, { a: 2 }], old: true };
    const after = { jobs: [{ a: 1 }], fresh: 'x' };
    expect(diffForms(before, after)).toEqual([
      { path: 'fresh', kind: 'added', after: 'x' },
      { path: 'jobs[1]', kind: 'removed', before: { a: 2 } },
      { path: 'old', kind: 'removed', before: true },
    ]);
  });

  it('finds nothing between equal forms, and treats a type change as a change', () => {
    expect(diffForms({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
    expect(diffForms({ a: { b: 1 } }, { a: [1] })).toEqual([
      { path: 'a', kind: 'changed', before: { b: 1 }, after: [1] },
    ]);
  });
});
