// Copies the portal's templates and assets (apps/portal/web) to dist/portal-web, so that an image
// holding only dist/ and node_modules/ serves them (apps/portal/src/platform/web-dir.ts finds either).
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'portal-web');
rmSync(target, { recursive: true, force: true });
cpSync(join(root, 'apps', 'portal', 'web'), target, { recursive: true });
