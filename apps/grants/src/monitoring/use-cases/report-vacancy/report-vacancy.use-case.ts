import { Injectable } from '@nestjs/common';
import { ApiError, Clock, OutboxService, warsawDate, type AuthUser } from '@app/common';
import type { AwardJob } from '../../../awards/award.entities.js';
import { field, invalid } from '../../../shared/problems.js';
import { monitoredJob } from '../../monitored-job.js';
import type { VacancyDto } from '../../monitoring.dto.js';
import { MonitoringErrors } from '../../monitoring.errors.js';
import { OpenVacancy } from './open-vacancy.js';

export interface ReportVacancyInput {
  readonly user: AuthUser;
  readonly awardId: string;
  readonly jobId: string;
  readonly vacancy: VacancyDto;
}

/** The applicant or an operator reports that a filled job became vacant, on a day of its term. */
@Injectable()
export class ReportVacancy {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly openVacancy: OpenVacancy,
  ) {}

  execute({ user, awardId, jobId, vacancy: dto }: ReportVacancyInput): Promise<AwardJob> {
    return this.outbox.transaction(async (manager, emit) => {
      const { award, job } = await monitoredJob(manager, user, awardId, jobId);
      if (job.status !== 'active') {
        throw ApiError.conflict(MonitoringErrors.JOB_ALREADY_VACANT, {
          pl: 'Miejsce pracy jest już nieobsadzone',
          en: 'The job is already vacant',
        });
      }
      if (
        dto.vacancyDate < job.startDate ||
        dto.vacancyDate > job.endDate ||
        dto.vacancyDate > warsawDate(this.clock.now())
      ) {
        throw invalid([
          field(
            'vacancyDate',
            'Data spoza okresu utrzymania lub z przyszłości',
            "A date outside the job's term or in the future",
          ),
        ]);
      }
      await this.openVacancy.execute(
        { manager, emit },
        { award, job, vacancyDate: dto.vacancyDate },
      );
      return job;
    });
  }
}
