import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BaseEnv, envInteger } from '@app/common';

export class GrantsEnv extends BaseEnv {
  override PORT = 3002;

  /** How often the monitoring scheduler scans (reports due/overdue, refills, settlement, appeals). */
  @Transform(envInteger)
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  SCHEDULER_INTERVAL_MS = 60_000;
}
