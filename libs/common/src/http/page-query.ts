import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * The last page a list may be asked for: `(page - 1) * pageSize` stays far inside Postgres's
 * `bigint` OFFSET (a page such as 99999999999999999999 is refused with 400, never a 500).
 */
export const MAX_PAGE = 1_000_000;

/** `?page=&pageSize=` of every list (a subclass may change the default page size). */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_PAGE })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  @IsOptional()
  page = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  @IsOptional()
  pageSize = 50;
}
