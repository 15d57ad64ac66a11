import { Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import pg from 'pg';
import { ASSETS, PG_POOL } from './providers.js';
import type { Asset } from './assets.js';

/** Static files and health of the portal. */
@Controller()
export class PlatformController {
  constructor(
    @Inject(ASSETS) private readonly assets: Map<string, Asset>,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  /**
   * A static file. Asked with its version (`?v=<hash>`, as the pages link them) it is cached for a
   * year; without (a module imported by another) it is revalidated by its ETag.
   */
  @Get('assets/:name')
  asset(
    @Param('name') name: string,
    @Query('v') version: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException();
    res.setHeader('content-type', asset.type);
    res.setHeader(
      'cache-control',
      version === asset.version ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    res.setHeader('etag', `"${asset.version}"`);
    if (req.headers['if-none-match'] === `"${asset.version}"`) {
      res.status(304).end();
      return;
    }
    res.send(asset.body);
  }

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res() res: Response): Promise<void> {
    try {
      await this.pool.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'error', down: ['database'] });
    }
  }
}
