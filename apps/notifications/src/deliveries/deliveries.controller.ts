import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser, UuidPipe } from '@app/common';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveriesQuery, ResendFilterDto } from './deliveries.dto.js';
import { deliveryView } from './deliveries.views.js';
import { ResendDelivery } from './use-cases/resend-delivery/resend-delivery.use-case.js';
import { ResendDeliveries } from './use-cases/resend-deliveries/resend-deliveries.use-case.js';

@ApiTags('deliveries')
@ApiBearerAuth()
@ApiUnauthorizedResponse({
  description: 'No bearer token (UNAUTHORIZED), or one that does not verify (INVALID_TOKEN)',
})
@ApiForbiddenResponse({
  description: 'The caller is not an operator, an admin or a platform administrator (FORBIDDEN)',
})
@ApiServiceUnavailableResponse({
  description: 'The database does not answer (DEPENDENCY_UNAVAILABLE); nothing was changed',
})
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly resendOne: ResendDelivery,
    private readonly resendMatching: ResendDeliveries,
  ) {}

  @Get()
  @Roles('operator', 'admin', 'platform-admin')
  @ApiOperation({
    summary:
      "Delivery log: what was sent, to whom, with what status — the letters of the caller's centres (a platform administrator: every letter, the installation's too)",
  })
  @ApiOkResponse({ description: '`{ total, page, pageSize, items }`, newest first' })
  @ApiBadRequestResponse({ description: 'A query parameter is malformed (VALIDATION_FAILED)' })
  async list(@Query() q: DeliveriesQuery) {
    const { total, entries } = await this.deliveries.log({
      recipient: q.recipient,
      reference: q.reference,
      status: q.status,
      template: q.template,
      centreId: q.centreId?.toLowerCase(),
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { total, page: q.page, pageSize: q.pageSize, items: entries.map(deliveryView) };
  }

  @Post('resend')
  @HttpCode(200)
  @Roles('operator', 'admin', 'platform-admin')
  @ApiOperation({
    summary:
      'Send again every failed delivery matching the filter (fresh retry schedule, same message and Message-ID; audited); idempotent',
  })
  @ApiOkResponse({
    description:
      '`{ resent }`: how many failed deliveries went back to pending; 0 when none match (e.g. a repeated call)',
  })
  @ApiBadRequestResponse({
    description:
      'The body is malformed (MALFORMED_JSON, JSON_TOO_DEEP) or a field is (VALIDATION_FAILED)',
  })
  @ApiUnprocessableEntityResponse({
    description:
      '`from` not before `to` (RESEND_RANGE_INVALID), or over 10,000 match (RESEND_TOO_MANY)',
  })
  async resendAll(@CurrentUser() user: AuthUser, @Body() dto: ResendFilterDto) {
    return this.resendMatching.execute({
      user,
      filter: {
        template: dto.template,
        recipient: dto.recipient,
        reference: dto.reference,
        from: dto.from ? new Date(dto.from) : undefined,
        to: dto.to ? new Date(dto.to) : undefined,
      },
    });
  }

  @Post(':id/resend')
  @HttpCode(200)
  @Roles('operator', 'admin', 'platform-admin')
  @ApiOperation({
    summary:
      'Send a failed delivery again (fresh retry schedule, same message and Message-ID; audited); idempotent',
  })
  @ApiParam({ name: 'id', description: 'The delivery id', format: 'uuid' })
  @ApiOkResponse({
    description:
      '`{ resent, delivery }`: resent true when the failed delivery went back to pending; false, and nothing sent again, when it was already pending or sent',
  })
  @ApiBadRequestResponse({ description: 'The id is not a UUID (BAD_REQUEST)' })
  @ApiNotFoundResponse({
    description:
      "No such delivery, or it is not of one of the caller's centres (DELIVERY_NOT_FOUND)",
  })
  async resend(@CurrentUser() user: AuthUser, @Param('id', new UuidPipe()) id: string) {
    const { resent, delivery } = await this.resendOne.execute({ user, deliveryId: id });
    return { resent, delivery: deliveryView(delivery) };
  }
}
