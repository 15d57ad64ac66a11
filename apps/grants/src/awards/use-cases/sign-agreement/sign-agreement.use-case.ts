import { Injectable } from '@nestjs/common';
import { AuditService, Clock, OutboxService, warsawDate, type FieldProblem } from '@app/common';
import { jobTerm, reportPeriods } from '../../../domain/index.js';
import { Call } from '../../../calls/call.entity.js';
import { GrantApplication } from '../../../applications/application.entity.js';
import { JobReport } from '../../../monitoring/monitoring.entities.js';
import { field, invalid } from '../../../shared/problems.js';
import { assertAgreementNotSigned, assertNotGivenUp, lockAward } from '../../award-access.js';
import { AwardJob, type Award, type Security } from '../../award.entities.js';
import type { AgreementDto } from '../../awards.dto.js';
import { DeMinimisCertificates } from './de-minimis-certificate.js';
import { jobWeights } from './job-weights.js';

export interface SignAgreementInput {
  readonly awardId: string;
  readonly agreement: AgreementDto;
}

/**
 * The agreement is signed: security and the de minimis certificate are recorded, each job's
 * term starts (funded months + durability from its start) with a report due for every month.
 */
@Injectable()
export class SignAgreement {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly certificates: DeMinimisCertificates,
  ) {}

  execute({ awardId: id, agreement: dto }: SignAgreementInput): Promise<Award> {
    return this.outbox.transaction(async (manager, emit) => {
      const award = await lockAward(manager, id);
      assertNotGivenUp(award);
      assertAgreementNotSigned(award);
      const call = await manager.findOneOrFail(Call, { where: { id: award.callId } });
      const application = await manager.findOneOrFail(GrantApplication, {
        where: { id: award.applicationId },
      });
      const today = warsawDate(this.clock.now());
      const problems: FieldProblem[] = [];
      if (dto.signedOn > today)
        problems.push(field('signedOn', 'Data z przyszłości', 'A date in the future'));
      else if (dto.signedOn < warsawDate(award.grantedAt))
        problems.push(
          field(
            'signedOn',
            'Umowa nie może być zawarta przed przyznaniem wsparcia',
            'The agreement cannot be signed before the award was granted',
          ),
        );
      const starts = new Map<string, string>();
      (dto.jobStarts ?? []).forEach((s, i) => {
        if (!application.jobs.some((j) => j.jobId === s.jobId)) {
          problems.push(
            field(
              `jobStarts[${i}].jobId`,
              'Nie ma takiego miejsca pracy we wniosku',
              'No such job in the application',
            ),
          );
        } else if (starts.has(s.jobId)) {
          problems.push(
            field(`jobStarts[${i}].jobId`, 'Miejsce pracy powtarza się', 'The job is repeated'),
          );
        }
        starts.set(s.jobId, s.startDate);
      });
      if (problems.length > 0) throw invalid(problems);
      const certificate = await this.certificates.issue(manager, {
        application,
        award,
        grantedOn: dto.signedOn,
        number: dto.deMinimisCertificateNumber,
      });

      const now = this.clock.now();
      const weights = jobWeights(call, application);
      for (const [i, job] of application.jobs.entries()) {
        const startDate = starts.get(job.jobId) ?? job.plannedStart;
        const term = jobTerm(startDate, {
          fundedMonths: call.fundedMonths,
          durabilityMonths: call.durabilityMonths,
        });
        const saved = await manager.save(
          manager.create(AwardJob, {
            awardId: id,
            jobKey: job.jobId,
            position: job.position,
            workingTime: job.workingTime,
            eligiblePerson: job.eligiblePerson,
            county: job.county,
            weight: weights[i]!,
            startDate,
            fundedEndDate: term.fundedEndDate,
            endDate: term.endDate,
            status: 'active',
            vacancyDate: null,
            refillDeadline: null,
            refilledOn: null,
            updatedAt: now,
          }),
        );
        const periods = reportPeriods(term, call.reportDueDays);
        await manager.insert(
          JobReport,
          periods.map((p) => ({
            jobId: saved.id,
            awardId: id,
            period: p.period,
            periodFrom: p.from,
            periodTo: p.to,
            dueDate: p.dueDate,
            status: 'pending' as const,
          })),
        );
      }
      const security: Security =
        dto.security.kind === 'blank-promissory-note'
          ? {
              kind: 'blank-promissory-note',
              declarationSigned: true,
              declarationDate: dto.signedOn,
            }
          : dto.security.kind === 'aval'
            ? { kind: 'aval', avalist: dto.security.avalist! }
            : { kind: 'guarantors', guarantors: dto.security.guarantors! };
      award.status = 'agreement-signed';
      award.signedOn = dto.signedOn;
      award.security = security;
      award.deMinimisCertificateNumber = dto.deMinimisCertificateNumber;
      award.deMinimisCertificate = certificate;
      award.updatedAt = now;
      await manager.save(award);
      await this.audit.record(manager, {
        entityType: 'award',
        entityId: id,
        action: 'agreement-signed',
        fromState: 'granted',
        toState: 'agreement-signed',
        changes: {
          signedOn: dto.signedOn,
          security,
          deMinimisCertificateNumber: dto.deMinimisCertificateNumber,
          deMinimisCertificate: certificate,
        },
      });
      await emit('grants.agreement.signed', {
        centreId: award.centreId,
        awardId: id,
        applicationId: award.applicationId,
        reference: award.reference,
        amount: award.amount,
        signedOn: dto.signedOn,
        security: security.kind,
        deMinimisCertificateNumber: dto.deMinimisCertificateNumber,
        jobs: application.jobs.length,
        applicant: award.applicant,
      });
      return award;
    });
  }
}
