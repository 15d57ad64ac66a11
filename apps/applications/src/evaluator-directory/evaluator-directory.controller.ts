import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import { ApiTag, Roles } from '@app/common';
import { FindEvaluator } from './use-cases/find-evaluator/find-evaluator.use-case.js';

export class EvaluatorQuery {
  @ApiProperty({
    description: "The evaluator's e-mail address, exactly (any case)",
    example: 'ocena1@example.pl',
    maxLength: 320,
  })
  @IsEmail()
  @MaxLength(320)
  email: string;
}

@ApiTag(
  'evaluator-directory',
  'For staff naming a call’s evaluation committee: an evaluator account found by its exact e-mail address',
)
@ApiBearerAuth()
@Controller('evaluators')
export class EvaluatorDirectoryController {
  constructor(private readonly findEvaluator: FindEvaluator) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      'The enabled evaluator account with this e-mail address (an empty list when there is none): its id, name and language',
  })
  async find(@Query() query: EvaluatorQuery) {
    const found = await this.findEvaluator.execute({ email: query.email });
    return {
      items: found.map((u) => ({
        id: u.id,
        email: u.email,
        fullName: u.fullName,
        language: u.language,
      })),
    };
  }
}
