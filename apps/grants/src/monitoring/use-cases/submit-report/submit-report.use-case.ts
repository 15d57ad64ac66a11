import { Injectable } from '@nestjs/common';
import {
  ApiError,
  AuditService,
  Clock,
  OutboxService,
  warsawDate,
  type AuthUser,
} from '@app/common';
import { field, invalid } from '../../../shared/problems.js';
import { monitoredJob } from '../../monitored-job.js';
import type { JobReportDto } from '../../monitoring.dto.js';
import { JobReport } from '../../monitoring.entities.js';
import { MonitoringErrors } from '../../monitoring.errors.js';
import { OpenVacancy } from '../report-vacancy/open-vacancy.js';

export interface SubmitReportInput {
  readonly user: AuthUser;
  readonly awardId: string;
  readonly jobId: string;
  readonly report: JobReportDto;
}

/**
 * The monthly confirmation that a job still exists (with evidence), once its month has ended; a
 * report that it does not opens the vacancy from the day given.
 */
@Injectable()
export class SubmitReport {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly openVacancy: OpenVacancy,
  ) {}

  execute({ user, awardId, jobId, report: dto }: SubmitReportInput): Promise<JobReport> {
    return this.outbox.transaction(async (manager, emit) => {
      const { award, job } = await monitoredJob(manager, user, awardId, jobId);
      const report = await manager.findOne(JobReport, {
        where: { jobId, period: dto.period },
        lock: { mode: 'pessimistic_write' },
      });
      if (!report) {
        throw invalid([
          field(
            'period',
            'Miesiąc poza okresem utrzymania miejsca pracy',
            "A month outside the job's term",
          ),
        ]);
      }
      if (report.status !== 'pending') {
        throw ApiError.conflict(MonitoringErrors.REPORT_ALREADY_SUBMITTED, {
          pl: 'Potwierdzenie za ten miesiąc zostało już złożone',
          en: 'The report for this month has already been submitted',
        });
      }
      const today = warsawDate(this.clock.now());
      if (today < report.periodTo) {
        throw ApiError.unprocessable(MonitoringErrors.PERIOD_NOT_ENDED, {
          pl: `Potwierdzenie za ${dto.period} można złożyć od ${report.periodTo}`,
          en: `The report for ${dto.period} can be submitted from ${report.periodTo}`,
        });
      }
      if (!dto.jobExists) {
        const vacancy = dto.vacancyDate!;
        if (vacancy < report.periodFrom || vacancy > report.periodTo) {
          throw invalid([
            field(
              'vacancyDate',
              'Data spoza miesiąca potwierdzenia',
              "A date outside the report's month",
            ),
          ]);
        }
        if (job.status === 'active')
          await this.openVacancy.execute({ manager, emit }, { award, job, vacancyDate: vacancy });
      }
      report.status = 'submitted';
      report.jobExists = dto.jobExists;
      report.evidenceReference = dto.evidenceReference ?? null;
      report.note = dto.note ?? null;
      report.submittedAt = this.clock.now();
      report.submittedBy = user.id;
      await manager.save(report);
      await this.audit.record(manager, {
        entityType: 'job-report',
        entityId: report.id,
        action: 'submitted',
        fromState: 'pending',
        toState: 'submitted',
        changes: {
          jobId,
          period: dto.period,
          jobExists: dto.jobExists,
          evidenceReference: dto.evidenceReference,
        },
      });
      await emit('grants.job.report-submitted', {
        centreId: award.centreId,
        reportId: report.id,
        awardId,
        jobId,
        reference: award.reference,
        period: report.period,
        submittedAt: report.submittedAt.toISOString(),
        applicant: award.applicant,
      });
      return report;
    });
  }
}
