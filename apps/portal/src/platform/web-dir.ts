import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the portal's templates and assets are: `apps/portal/web` in a checkout (`npm start`, the
 * tests), `dist/portal-web` in the image, where the build copies them (only `dist` is shipped).
 */
export function webDir(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    for (const candidate of [join(dir, 'apps', 'portal', 'web'), join(dir, 'dist', 'portal-web')]) {
      if (existsSync(join(candidate, 'views', 'layout.njk'))) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('The portal’s templates (apps/portal/web) were not found');
    dir = parent;
  }
}

/** The root of the installed packages (for GOV.UK Frontend's templates and scripts). */
export function nodeModulesDir(from = webDir()): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules', 'govuk-frontend');
    if (existsSync(candidate)) return join(dir, 'node_modules');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('govuk-frontend is not installed');
    dir = parent;
  }
}
