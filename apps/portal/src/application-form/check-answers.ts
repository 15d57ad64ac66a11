import type { PortalContext } from '../platform/context.js';
import { formatDay, formatMoney } from '../platform/views.js';
import type { ApplicationView } from './amount.js';
import {
  BUSINESS_PLAN_PARTS,
  DECLARATIONS,
  SECTIONS,
  fieldId,
  formValue,
  type SectionSlug,
} from './form-sections.js';

interface Row {
  key: { text: string };
  value: { text: string };
  actions: { items: { href: string; text: string; visuallyHiddenText: string }[] };
}

export interface CheckSection {
  slug: SectionSlug;
  title: string;
  rows: Row[];
}

/**
 * "Check your answers": every section as a GOV.UK summary list, each answer with a "Zmień" link
 * to its field on its section's page.
 */
export function checkAnswers(ctx: PortalContext, application: ApplicationView): CheckSection[] {
  const { t, lang } = ctx;
  const form = application.form;
  const base = `/wnioski/${application.id}`;
  const empty = t('form.check.empty');
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : empty);
  const choice = (prefix: string, v: unknown) =>
    typeof v === 'string' && v ? t(`${prefix}.${v}`) : empty;
  const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v, lang) : empty);
  const day = (v: unknown) => (typeof v === 'string' && v ? formatDay(v, lang) : empty);
  const yesNo = (v: unknown) => (v === true ? t('form.yes') : v === false ? t('form.no') : empty);

  const sections: CheckSection[] = [];
  for (const section of SECTIONS) {
    const rows: Row[] = [];
    const row = (label: string, value: string, path: string) =>
      rows.push({
        key: { text: label },
        value: { text: value },
        actions: {
          items: [
            {
              href: `${base}/${section.slug}#${fieldId(path)}`,
              text: t('common.change'),
              visuallyHiddenText: label,
            },
          ],
        },
      });
    const v = (path: string) => formValue(form, path);
    switch (section.slug) {
      case 'wnioskodawca':
        row(
          t('form.applicant.kind'),
          choice('form.applicant.kind', v('applicant.kind')),
          'applicant.kind',
        );
        row(t('form.applicant.name'), text(v('applicant.name')), 'applicant.name');
        row(
          t('form.applicant.legalForm'),
          choice('form.applicant.legalForm', v('applicant.legalForm')),
          'applicant.legalForm',
        );
        row(t('form.applicant.county'), text(v('applicant.county')), 'applicant.county');
        row(t('form.applicant.address'), text(v('applicant.address')), 'applicant.address');
        row(t('form.applicant.nip'), text(v('applicant.nip')), 'applicant.nip');
        row(t('form.applicant.regon'), text(v('applicant.regon')), 'applicant.regon');
        row(t('form.applicant.krs'), text(v('applicant.krs')), 'applicant.krs');
        break;
      case 'zatrudnienie':
        for (const key of ['headcountBefore', 'headcountAfter']) {
          const n = v(`employment.${key}`);
          row(
            t(`form.employment.${key}`),
            typeof n === 'number' ? String(n) : empty,
            `employment.${key}`,
          );
        }
        break;
      case 'miejsca-pracy': {
        const jobs = Array.isArray(form.jobs) ? (form.jobs as unknown[]) : [];
        if (jobs.length === 0) row(t('form.check.jobsCount'), '0', 'jobs.0.position');
        jobs.forEach((job, i) => {
          const n = i + 1;
          const g = (p: string) => formValue(job, p);
          const label = (key: string) => `${t('form.jobs.row', { n })}: ${t(key)}`;
          row(label('form.jobs.position'), text(g('position')), `jobs.${i}.position`);
          row(
            label('form.jobs.workingTime'),
            choice('form.jobs.workingTime', g('workingTime')),
            `jobs.${i}.workingTime`,
          );
          row(
            label('form.jobs.plannedStart'),
            day(g('plannedStart')),
            `jobs.${i}.plannedStart.day`,
          );
          row(label('form.jobs.fullName'), text(g('person.fullName')), `jobs.${i}.person.fullName`);
          row(label('form.jobs.pesel'), text(g('person.pesel')), `jobs.${i}.person.pesel`);
          row(label('form.jobs.county'), text(g('person.county')), `jobs.${i}.person.county`);
          row(
            label('form.jobs.status'),
            choice('form.eligibility', g('person.eligibility.status')),
            `jobs.${i}.person.eligibility.status`,
          );
          row(
            label('form.jobs.proofKind'),
            choice('form.proof', g('person.eligibility.proofKind')),
            `jobs.${i}.person.eligibility.proofKind`,
          );
        });
        break;
      }
      case 'budzet': {
        const items = Array.isArray(form.budget) ? (form.budget as unknown[]) : [];
        if (items.length === 0)
          row(t('form.section.budzet'), t('form.check.none'), 'budget.0.category');
        items.forEach((item, i) => {
          const label = (key: string) => `${t('form.budget.row', { n: i + 1 })}: ${t(key)}`;
          row(
            label('form.budget.category'),
            choice('form.category', formValue(item, 'category')),
            `budget.${i}.category`,
          );
          row(
            label('form.budget.description'),
            text(formValue(item, 'description')),
            `budget.${i}.description`,
          );
          row(label('form.budget.amount'), money(formValue(item, 'amount')), `budget.${i}.amount`);
        });
        break;
      }
      case 'biznesplan':
        for (const part of BUSINESS_PLAN_PARTS) {
          row(t(`form.plan.${part}`), text(v(`businessPlan.${part}`)), `businessPlan.${part}`);
        }
        break;
      case 'de-minimis': {
        row(t('form.deMinimis.received'), yesNo(v('deMinimis.received')), 'deMinimis.received');
        const items = Array.isArray(v('deMinimis.items'))
          ? (v('deMinimis.items') as unknown[])
          : [];
        items.forEach((item, i) => {
          const label = (key: string) => `${t('form.deMinimis.row', { n: i + 1 })}: ${t(key)}`;
          row(
            label('form.deMinimis.grantor'),
            text(formValue(item, 'grantor')),
            `deMinimis.items.${i}.grantor`,
          );
          row(
            label('form.deMinimis.grantedOn'),
            day(formValue(item, 'grantedOn')),
            `deMinimis.items.${i}.grantedOn.day`,
          );
          row(
            label('form.deMinimis.amount'),
            money(formValue(item, 'amount')),
            `deMinimis.items.${i}.amount`,
          );
        });
        break;
      }
      case 'oswiadczenia':
        for (const d of DECLARATIONS) {
          row(
            t(`form.declarations.${d}`),
            yesNo(v(`declarations.${d}`) === true ? true : undefined),
            `declarations.${d}`,
          );
        }
        break;
    }
    sections.push({ slug: section.slug, title: t(`form.section.${section.slug}`), rows });
  }
  return sections;
}
