import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { APPLICATION_STATES, type ApplicationState } from './application.entity.js';

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid', description: 'The call (nabór) the form is for' })
  @IsUUID()
  callId: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Partial form data' })
  @IsObject()
  @IsOptional()
  form?: Record<string, unknown>;
}

export class UpdateApplicationDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The whole draft form' })
  @IsObject()
  form: Record<string, unknown>;
}

export class ListApplicationsQuery {
  @IsUUID()
  @IsOptional()
  callId?: string;

  @IsIn(APPLICATION_STATES)
  @IsOptional()
  state?: ApplicationState;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @IsOptional()
  page = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  @IsOptional()
  pageSize = 20;
}
