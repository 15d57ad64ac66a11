import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ApiTag, CurrentUser, toWarsawIso, type AuthUser, type Lang } from '@app/common';
import { PreferencesService } from './preferences.service.js';

class PreferencesDto {
  @ApiProperty({ enum: ['pl', 'en'], description: 'Language of the e-mails this person receives' })
  @IsIn(['pl', 'en'])
  language: Lang;
}

@ApiTag('preferences', "A person's message preferences: the language of their e-mails")
@ApiBearerAuth()
@Controller('preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get('me')
  @ApiOperation({
    summary: "The caller's message preferences (the token's language until one is stored)",
  })
  async mine(@CurrentUser() user: AuthUser) {
    const stored = await this.preferences.get(user.id);
    return {
      language: stored?.language ?? user.language,
      stored: stored !== null,
      updatedAt: stored ? toWarsawIso(stored.updatedAt) : null,
    };
  }

  @Put('me')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Chooses the language of the e-mails the caller receives (overrides what events carry)',
  })
  async update(@CurrentUser() user: AuthUser, @Body() dto: PreferencesDto) {
    const saved = await this.preferences.set(user.id, user.email || null, dto.language);
    return { language: saved.language, stored: true, updatedAt: toWarsawIso(saved.updatedAt) };
  }
}
