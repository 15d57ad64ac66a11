import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sass from 'sass';
import { nodeModulesDir, webDir } from './web-dir.js';

export interface Asset {
  body: Buffer;
  type: string;
  /** Content hash: the URL carries it (`?v=`), so the asset can be cached for a year. */
  version: string;
}

/**
 * The portal's static files, read (and the stylesheet compiled) once at start-up:
 * - `portal.css`: GOV.UK Frontend's Sass with the portal's settings — the system font stack
 *   instead of GDS Transport (whose licence is for GOV.UK only), no crown, no GOV.UK name — plus
 *   the portal's own rules (`web/assets/portal.scss`). Compiled with Dart Sass in-process (a
 *   second of work at start), so there is no separate asset build to forget;
 * - `govuk-frontend.min.js`: the components' behaviour (ES module, `initAll`);
 * - every other file of `web/assets`: `portal.js`, which loads the module each element names in
 *   `data-owes-module` (`autosave.js`, `timeout.js`, …: progressive enhancement), and images.
 */
export function loadAssets(): Map<string, Asset> {
  const web = webDir();
  const modules = nodeModulesDir(web);
  const assets = new Map<string, Asset>();
  const add = (name: string, body: Buffer | string, type: string) => {
    const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
    const version = createHash('sha256').update(buffer).digest('hex').slice(0, 12);
    assets.set(name, { body: buffer, type, version });
  };
  const css = sass.compile(join(web, 'assets', 'portal.scss'), {
    loadPaths: [modules],
    style: 'compressed',
    quietDeps: true,
  });
  add('portal.css', css.css, 'text/css; charset=utf-8');
  add(
    'govuk-frontend.min.js',
    readFileSync(join(modules, 'govuk-frontend', 'dist', 'govuk', 'govuk-frontend.min.js')),
    'text/javascript; charset=utf-8',
  );
  const TYPES: Record<string, string> = {
    js: 'text/javascript; charset=utf-8',
    svg: 'image/svg+xml',
    png: 'image/png',
  };
  for (const file of readdirSync(join(web, 'assets'))) {
    const type = TYPES[file.split('.').pop() ?? ''];
    if (type) add(file, readFileSync(join(web, 'assets', file)), type);
  }
  return assets;
}
