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

  /** Rows one scheduler scan takes per transaction (a tick goes on batch by batch until done). */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(10_000)
  SCHEDULER_BATCH_SIZE = 100;
}
