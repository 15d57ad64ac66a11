import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiTag, CurrentUser, Roles, type AuthUser, UuidPipe } from '@app/common';
import { MonitoringErrors as E } from './monitoring.errors.js';
import { jobView, reportView } from '../awards/awards.views.js';
import { JobReportDto, RefillDto, VacancyDto } from './monitoring.dto.js';
import { RefillJob } from './use-cases/refill-job/refill-job.use-case.js';
import { ReportVacancy } from './use-cases/report-vacancy/report-vacancy.use-case.js';
import { SubmitReport } from './use-cases/submit-report/submit-report.use-case.js';

const uuid = new UuidPipe();

/** Keeping an award's jobs: monthly reports, vacancies, refills. */
@ApiTag('awards')
@ApiBearerAuth()
@ApiErrors(E.JOB_TERM_CLOSED)
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
  @ApiErrors(E.REPORT_ALREADY_SUBMITTED, E.PERIOD_NOT_ENDED)
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
  @ApiErrors(E.JOB_ALREADY_VACANT)
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
  @ApiErrors(E.JOB_NOT_VACANT, E.REFILL_TOO_LATE)
  async refill(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('jobId', uuid) jobId: string,
    @Body() dto: RefillDto,
  ) {
    return jobView(await this.refillJob.execute({ user, awardId: id, jobId, refill: dto }));
  }
}
