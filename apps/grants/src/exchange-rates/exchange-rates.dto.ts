import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../shared/dates.js';

export class ExchangeRateDto {
  @ApiProperty({
    example: '2025-05-20',
    description: 'The day of the NBP table (table A) the rate was published in; in force from then',
  })
  @IsCalendarDate()
  validFrom: string;

  @ApiProperty({ example: '4.2497', description: 'PLN per 1 EUR, as NBP publishes it' })
  @IsString()
  @MaxLength(12)
  @Matches(/^\d{1,3}\.\d{1,6}$/, { message: 'plnPerEur: a decimal such as 4.2497' })
  plnPerEur: string;
}
