import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@app/common';
import { jobView, reportView } from '../awards/awards.views.js';
import { JobReportDto, RefillDto, VacancyDto } from './monitoring.dto.js';
import { RefillJob } from './use-cases/refill-job/refill-job.use-case.js';
import { ReportVacancy } from './use-cases/report-vacancy/report-vacancy.use-case.js';
import { SubmitReport } from './use-cases/submit-report/submit-report.use-case.js';

const uuid = new ParseUUIDPipe();

/** Keeping an award's jobs: monthly reports, vacancies, refills. */
@ApiTags('awards')
@ApiBearerAuth()
@Controller('awards/:id/jobs/:jobId')
export class JobMonitoringController {
  constructor(
    private readonly submitReport: SubmitReport,
    private readonly reportVacancy: ReportVacancy,
    private readonly refillJob: RefillJob,
  ) {}

  @Post('reports')
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({ summary: 'Monthly confirmation that the job still exists, with evidence' })
  async report(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('jobId', uuid) jobId: string,
    @Body() dto: JobReportDto,
  ) {
    return reportView(await this.submitReport.execute({ user, awardId: id, jobId, report: dto }));
  }

  @Post('vacancy')
  @HttpCode(200)
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({
    summary: 'Report that the job became vacant (to be filled within the refill term)',
  })
  async vacancy(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('jobId', uuid) jobId: string,
    @Body() dto: VacancyDto,
  ) {
    return jobView(await this.reportVacancy.execute({ user, awardId: id, jobId, vacancy: dto }));
  }

  @Post('refill')
  @HttpCode(200)
  @Roles('applicant', 'operator', 'admin')
  @ApiOperation({ summary: 'Record that another eligible person took the vacant job' })
  async refill(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('jobId', uuid) jobId: string,
    @Body() dto: RefillDto,
  ) {
    return jobView(await this.refillJob.execute({ user, awardId: id, jobId, refill: dto }));
  }
}
