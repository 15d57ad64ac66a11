import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, ROLES, type Role } from '@app/common';

export class UsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES, description: 'Only accounts of this role' })
  @IsIn(ROLES)
  @IsOptional()
  role?: Role;

  @ApiPropertyOptional({ description: 'Part of the e-mail address or name' })
  @IsString()
  @MaxLength(100)
  @IsOptional()
  q?: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ enum: ['pl', 'en'] }) language: string;
  @ApiProperty() emailVerified: boolean;
  @ApiProperty() disabled: boolean;
  @ApiProperty() createdAt: string;
}

export class UsersPage {
  @ApiProperty({ type: [UserView] }) items: UserView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
