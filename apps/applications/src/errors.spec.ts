import { mergeErrorCatalogues, PLATFORM_ERRORS, type ErrorCatalogue } from '@app/common';
import { ApplicationsErrors } from './applications/applications.errors.js';
import { APPLICATIONS_ERRORS } from './errors.js';
import { IdentityErrors } from './identity/identity.errors.js';
import { InitiativeGroupsErrors } from './initiative-groups/initiative-groups.errors.js';

const FEATURES: Record<string, ErrorCatalogue> = {
  platform: PLATFORM_ERRORS,
  identity: IdentityErrors,
  applications: ApplicationsErrors,
  'initiative groups': InitiativeGroupsErrors,
};

describe("the applications service's error codes", () => {
  it.each(Object.entries(FEATURES))(
    '%s: every code is UPPER_SNAKE, its own key, with a 4xx/5xx status and a one-line "when"',
    (_, catalogue) => {
      for (const [key, entry] of Object.entries(catalogue)) {
        expect(entry.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
        expect(entry.code).toBe(key);
        expect(entry.status).toBeGreaterThanOrEqual(400);
        expect(entry.status).toBeLessThan(600);
        expect(entry.when.trim()).not.toBe('');
        expect(entry.when).not.toContain('\n');
      }
    },
  );

  it('merges the features without a code standing for two statuses', () => {
    expect(() => mergeErrorCatalogues(...Object.values(FEATURES))).not.toThrow();
    for (const catalogue of Object.values(FEATURES)) {
      for (const entry of Object.values(catalogue)) {
        expect(APPLICATIONS_ERRORS[entry.code]).toMatchObject({
          code: entry.code,
          status: entry.status,
        });
      }
    }
  });

  it('defines a code shared by two features once: initiative groups reuse the applications entries', () => {
    expect(InitiativeGroupsErrors.NOT_A_DRAFT).toBe(ApplicationsErrors.NOT_A_DRAFT);
    expect(InitiativeGroupsErrors.FORM_INVALID).toBe(ApplicationsErrors.FORM_INVALID);
  });
});
