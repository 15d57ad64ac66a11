import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../shared/dates.js';

export class InterestRateDto {
  @ApiProperty({ example: '2026-01-01', description: 'First day the rate is in force' })
  @IsCalendarDate()
  validFrom: string;

  @ApiProperty({ example: '7.5', description: 'Annual statutory interest in percent' })
  @IsString()
  @MaxLength(12)
  ratePercent: string;
}
