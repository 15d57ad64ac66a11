import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Equals,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate, IsCalendarMonth } from '../shared/dates.js';

export class JobReportDto {
  @ApiProperty({ example: '2027-03', description: 'The month reported on' })
  @IsCalendarMonth()
  period: string;

  @ApiProperty({ description: 'The job still exists' })
  @IsBoolean()
  jobExists: boolean;

  @ApiPropertyOptional({
    description: 'Evidence, e.g. the number of the social-insurance declaration (ZUS DRA/RCA)',
  })
  @ValidateIf((o: JobReportDto) => o.jobExists === true)
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  evidenceReference?: string;

  @ApiPropertyOptional({ description: 'When the job does not exist: the first day it was vacant' })
  @ValidateIf((o: JobReportDto) => o.jobExists === false)
  @IsCalendarDate()
  vacancyDate?: string;

  @ApiPropertyOptional()
  @IsString()
  @MaxLength(2000)
  @IsOptional()
  note?: string;
}

export class VacancyDto {
  @ApiProperty({ description: 'The first day the job is vacant' })
  @IsCalendarDate()
  vacancyDate: string;
}

export class RefillDto {
  @ApiProperty({ description: 'The day another person took the job' })
  @IsCalendarDate()
  refilledOn: string;

  @ApiProperty({ description: 'The new person is eligible (at risk of social exclusion)' })
  @Equals(true, { message: 'isDefined' })
  eligiblePerson: boolean;

  @ApiProperty({ description: 'Evidence of the employment' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  evidenceReference: string;
}
