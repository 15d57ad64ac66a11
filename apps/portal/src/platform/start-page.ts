/**
 * Where a person's work starts after signing in (and what `/` shows them): the to-do list for
 * centre staff, the assigned evaluations for an evaluator, the region for a coordinator, the
 * applications for an applicant.
 */
export function startPageFor(roles: readonly string[]): string {
  if (roles.includes('operator') || roles.includes('admin')) return '/biuro';
  if (roles.includes('evaluator')) return '/ocena';
  if (roles.includes('coordinator')) return '/region';
  return '/wnioski';
}

/** The navigation of the layout for a person's roles (links to the start of each area). */
export interface NavItem {
  href: string;
  key: string;
}

export function navigationFor(roles: readonly string[]): NavItem[] {
  const items: NavItem[] = [];
  const staff = roles.includes('operator') || roles.includes('admin');
  if (staff) {
    items.push(
      { href: '/biuro', key: 'common.nav.staff.todo' },
      { href: '/biuro/nabory', key: 'common.nav.staff.calls' },
      { href: '/biuro/wnioski', key: 'common.nav.staff.applications' },
      { href: '/biuro/umowy', key: 'common.nav.staff.awards' },
      { href: '/biuro/wskazniki', key: 'common.nav.staff.indicators' },
    );
  }
  if (roles.includes('admin')) items.push({ href: '/biuro/zespol', key: 'common.nav.staff.team' });
  if (roles.includes('evaluator')) items.push({ href: '/ocena', key: 'common.nav.evaluator' });
  if (roles.includes('coordinator')) items.push({ href: '/region', key: 'common.nav.region' });
  if (items.length === 0) {
    items.push(
      { href: '/nabory', key: 'common.nav.calls' },
      { href: '/wnioski', key: 'common.nav.applications' },
      { href: '/grupa', key: 'common.nav.groups' },
    );
  }
  items.push({ href: '/konto', key: 'common.nav.account' });
  return items;
}
