import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BaseEnv } from '@app/common';

export class ApplicationsEnv extends BaseEnv {
  override PORT = 3001;

  /** PKCS#8 PEM of an ES256 key; when unset the key is generated once and kept in the database. */
  @IsString()
  @IsOptional()
  JWT_PRIVATE_KEY?: string;

  /** Lifetime of an access token in seconds. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(60)
  @Max(86_400)
  JWT_TTL_SECONDS = 3600;
}
