import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '@app/common';
import { TEMPLATE_NAMES } from '../templates/catalogue.js';

/** `GET /api/deliveries`: the delivery log's filters and page. */
export class DeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Recipient e-mail address (any case)', maxLength: 320 })
  @IsString()
  @MaxLength(320)
  @IsOptional()
  recipient?: string;

  @ApiPropertyOptional({
    description: 'Reference of what the message is about (e.g. OWES/2026/00042)',
    maxLength: 100,
  })
  @IsString()
  @MaxLength(100)
  @IsOptional()
  reference?: string;

  @ApiPropertyOptional({ enum: ['pending', 'sent', 'failed'] })
  @IsIn(['pending', 'sent', 'failed'])
  @IsOptional()
  status?: 'pending' | 'sent' | 'failed';

  @ApiPropertyOptional({ enum: TEMPLATE_NAMES, description: 'The template of the message' })
  @IsIn(TEMPLATE_NAMES)
  @IsOptional()
  template?: string;

  @ApiPropertyOptional({
    description:
      "Only the letters of this centre (the caller's centres are the most the log ever shows)",
    format: 'uuid',
  })
  @IsUUID('all')
  @IsOptional()
  centreId?: string;

  @ApiPropertyOptional({
    description: 'Queued at or after this moment (ISO 8601)',
    format: 'date-time',
  })
  @IsISO8601()
  @IsOptional()
  from?: string;

  @ApiPropertyOptional({ description: 'Queued before this moment (ISO 8601)', format: 'date-time' })
  @IsISO8601()
  @IsOptional()
  to?: string;
}

/**
 * `POST /api/deliveries/resend`: which failed deliveries to send again. Every field narrows; an
 * empty body re-sends every failed delivery (at most 10,000 at a time).
 */
export class ResendFilterDto {
  @ApiPropertyOptional({
    enum: ['failed'],
    default: 'failed',
    description:
      'Only failed deliveries are re-sent (pending ones are on their way, sent ones went out)',
  })
  @IsIn(['failed'])
  @IsOptional()
  status?: 'failed';

  @ApiPropertyOptional({ enum: TEMPLATE_NAMES, description: 'The template of the message' })
  @IsIn(TEMPLATE_NAMES)
  @IsOptional()
  template?: string;

  @ApiPropertyOptional({ description: 'Recipient e-mail address (any case)', maxLength: 320 })
  @IsString()
  @MaxLength(320)
  @IsOptional()
  recipient?: string;

  @ApiPropertyOptional({ description: 'Reference of what the message is about', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  @IsOptional()
  reference?: string;

  @ApiPropertyOptional({
    description: 'Queued at or after this moment (ISO 8601)',
    format: 'date-time',
  })
  @IsISO8601()
  @IsOptional()
  from?: string;

  @ApiPropertyOptional({ description: 'Queued before this moment (ISO 8601)', format: 'date-time' })
  @IsISO8601()
  @IsOptional()
  to?: string;
}
