import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@app/common';
import { awardFor } from '../../award-access.js';
import { BridgingExtensionRequest } from '../../award.entities.js';

export interface ListBridgingExtensionsInput {
  readonly user: AuthUser;
  readonly awardId: string;
}

/** An award's bridging-support extension requests, oldest first. */
@Injectable()
export class ListBridgingExtensions {
  constructor(private readonly dataSource: DataSource) {}

  async execute({
    user,
    awardId,
  }: ListBridgingExtensionsInput): Promise<BridgingExtensionRequest[]> {
    await awardFor(this.dataSource.manager, user, awardId);
    return this.dataSource.getRepository(BridgingExtensionRequest).find({
      where: { awardId },
      order: { requestedAt: 'ASC' },
    });
  }
}
