import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ApiError,
  Clock,
  OutboxService,
  isStaff,
  computeRequestedAmount,
  warsawDate,
  type AuthUser,
  type GrantBridgingFundingModel,
  type JobFundingRequest,
  type WorkingTime,
  AuditService,
  deMinimisCeiling,
  formatEur,
  formatPln,
} from '@app/common';
import {
  bridgingPaymentProblem,
  jobTerm,
  monthOf,
  paymentProblem,
  remainingToPay,
  reportPeriods,
} from '../domain/index.js';
import { Call } from '../calls/call.entity.js';
import { GrantApplication } from '../applications/application.entity.js';
import { JobReport, RefundClaimRecord } from '../monitoring/monitoring.entities.js';
import { field, invalid, localize } from '../shared/problems.js';
import {
  Award,
  AwardJob,
  BridgingExtensionRequest,
  Payment,
  type DeMinimisCertificate,
  type Security,
} from './award.entities.js';
import type { AgreementDto, AgreementPreparationDto, PaymentDto } from './awards.dto.js';
import { ExchangeRatesService } from '../exchange-rates/exchange-rates.service.js';

const NOT_FOUND = { pl: 'Nie ma takiego wsparcia', en: 'No such award' };

/** A given-up award takes no agreement and no payment: 409. */
export function assertNotGivenUp(award: Award): void {
  if (award.status === 'given-up') {
    throw ApiError.conflict('AWARD_GIVEN_UP', {
      pl: 'Z tego wsparcia zrezygnowano',
      en: 'This award was given up',
    });
  }
}

/** Awards, their agreements and payments. The paid total never exceeds the award. */
@Injectable()
export class AwardsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly exchangeRates: ExchangeRatesService,
  ) {}

  /** An award its applicant (own only, 404 otherwise) or staff may see. */
  async awardFor(
    user: AuthUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Award> {
    const award = await manager.findOne(Award, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!award || (!isStaff(user) && award.applicantUserId !== user.id))
      throw ApiError.notFound(NOT_FOUND);
    return award;
  }

  async list(user: AuthUser, callId?: string): Promise<Award[]> {
    const qb = this.dataSource.getRepository(Award).createQueryBuilder('w');
    if (!isStaff(user)) qb.where('w.applicantUserId = :user', { user: user.id });
    if (callId) qb.andWhere('w.callId = :callId', { callId });
    return qb.orderBy('w.grantedAt', 'DESC').limit(500).getMany();
  }

  async details(user: AuthUser, id: string) {
    const award = await this.awardFor(user, id);
    const m = this.dataSource.manager;
    const [jobs, payments, reports, refunds] = await Promise.all([
      m.find(AwardJob, { where: { awardId: id }, order: { startDate: 'ASC', jobKey: 'ASC' } }),
      m.find(Payment, { where: { awardId: id }, order: { paidOn: 'ASC', recordedAt: 'ASC' } }),
      m.find(JobReport, { where: { awardId: id }, order: { period: 'ASC' } }),
      m.find(RefundClaimRecord, { where: { awardId: id }, order: { createdAt: 'ASC' } }),
    ]);
    return { award, jobs, payments, reports, refunds };
  }

  /**
   * The agreement is ready to sign: the planned day and place are recorded and the applicant is
   * told (what to bring). Preparing again (another day or place) updates it and tells them again.
   */
  async prepareAgreement(user: AuthUser, id: string, dto: AgreementPreparationDto): Promise<Award> {
    return this.outbox.transaction(async (manager, emit) => {
      const award = await manager.findOne(Award, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!award) throw ApiError.notFound(NOT_FOUND);
      assertNotGivenUp(award);
      if (award.status !== 'granted') {
        throw ApiError.conflict('AGREEMENT_ALREADY_SIGNED', {
          pl: 'Umowa o udzielenie wsparcia została już zawarta',
          en: 'The agreement has already been signed',
        });
      }
      if (dto.signingOn < warsawDate(this.clock.now()))
        throw invalid([field('signingOn', 'Data z przeszłości', 'A date in the past')]);
      const now = this.clock.now();
      const before = award.agreementPreparedAt
        ? { signingOn: award.agreementSigningOn, place: award.agreementPlace }
        : null;
      award.agreementSigningOn = dto.signingOn;
      award.agreementPlace = dto.place ?? null;
      award.agreementNotes = dto.notes ?? null;
      award.agreementPreparedAt = now;
      award.agreementPreparedBy = user.id;
      award.updatedAt = now;
      await manager.save(award);
      await this.audit.record(manager, {
        entityType: 'award',
        entityId: id,
        action: before ? 'agreement-prepared-again' : 'agreement-prepared',
        changes: {
          ...(before ? { before } : {}),
          signingOn: dto.signingOn,
          place: dto.place ?? null,
          notes: dto.notes ?? null,
        },
      });
      await emit('grants.agreement.prepared', {
        awardId: id,
        reference: award.reference,
        amount: award.amount,
        signingOn: dto.signingOn,
        ...(dto.place ? { place: dto.place } : {}),
        applicant: award.applicant,
        preparedAt: now.toISOString(),
      });
      return award;
    });
  }

  /**
   * The agreement is signed: security and the de minimis certificate are recorded, each job's
   * term starts (funded months + durability from its start) with a report due for every month.
   */
  async signAgreement(id: string, dto: AgreementDto): Promise<Award> {
    return this.outbox.transaction(async (manager, emit) => {
      const award = await manager.findOne(Award, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!award) throw ApiError.notFound(NOT_FOUND);
      assertNotGivenUp(award);
      if (award.status !== 'granted') {
        throw ApiError.conflict('AGREEMENT_ALREADY_SIGNED', {
          pl: 'Umowa o udzielenie wsparcia została już zawarta',
          en: 'The agreement has already been signed',
        });
      }
      const call = await manager.findOneOrFail(Call, { where: { id: award.callId } });
      const application = await manager.findOneOrFail(GrantApplication, {
        where: { id: award.applicationId },
      });
      const today = warsawDate(this.clock.now());
      const problems = [];
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
      const certificate = await this.deMinimisCertificate(manager, application, award, dto);

      const now = this.clock.now();
      const weights = this.jobWeights(call, application);
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

  /**
   * The de minimis ceiling checked again on the day the aid is granted (the signing day) with the
   * aid the application declared, and the certificate that states it in PLN and EUR. A day with no
   * NBP rate in the table is a 409 the operator mends by adding the rate; a ceiling the aid would
   * pass is a 422 that states the figures.
   */
  private async deMinimisCertificate(
    manager: EntityManager,
    application: GrantApplication,
    award: Award,
    dto: AgreementDto,
  ): Promise<DeMinimisCertificate> {
    const outcome = deMinimisCeiling({
      prior: application.deMinimis,
      requested: award.amount,
      onDate: dto.signedOn,
      rates: await this.exchangeRates.list(manager),
    });
    if (!outcome.ok) {
      const days = outcome.missingRateFor.join(', ');
      throw ApiError.conflict('EXCHANGE_RATE_MISSING', {
        pl: `Brak średniego kursu euro NBP obowiązującego w dniu ${days}: dodaj kurs z tabeli A NBP z tego dnia (lub ostatniego dnia przed nim, w którym ją ogłoszono)`,
        en: `No NBP average euro rate in force on ${days}: add the rate of NBP table A of that day (or of the last day before it on which one was published)`,
      });
    }
    const v = outcome.value;
    if (v.exceeded) {
      const rate = `${v.rate.plnPerEur.replace('.', ',')} zł (${v.rate.validFrom})`;
      throw ApiError.unprocessable(
        'DE_MINIMIS_CEILING_EXCEEDED',
        {
          pl: `Pomoc de minimis przekroczyłaby pułap ${formatEur(v.ceilingEur)} w okresie ${v.windowFrom} – ${v.windowTo}: otrzymana wcześniej ${formatEur(v.priorEur)}, to wsparcie ${formatEur(v.requestedEur)} (kurs ${rate}); do wykorzystania pozostaje ${formatEur(v.leftEur)} (${formatPln(v.leftPln)})`,
          en: `The de minimis aid would exceed the ceiling of ${formatEur(v.ceilingEur, 'en')} in ${v.windowFrom} – ${v.windowTo}: received before ${formatEur(v.priorEur, 'en')}, this support ${formatEur(v.requestedEur, 'en')} (rate ${v.rate.plnPerEur} on ${v.rate.validFrom}); ${formatEur(v.leftEur, 'en')} (${formatPln(v.leftPln, 'en')}) is left`,
        },
        [
          field(
            'signedOn',
            'Przekroczony pułap pomocy de minimis',
            'The de minimis ceiling is exceeded',
          ),
        ],
      );
    }
    return {
      number: dto.deMinimisCertificateNumber,
      grantedOn: dto.signedOn,
      amountPln: award.amount,
      amountEur: v.requestedEur,
      rate: v.rate,
      regime: v.regime,
      ceilingEur: v.ceilingEur,
      windowFrom: v.windowFrom,
      windowTo: v.windowTo,
      priorEur: v.priorEur,
      totalEur: v.totalEur,
    };
  }

  /**
   * Each job's share of the award: its own amount under the unit-rate model (the rates in force
   * on the submission day); equal shares otherwise (the grant-bridging amounts per job are not
   * part of the formal acceptance).
   */
  private jobWeights(call: Call, application: GrantApplication): number[] {
    if (call.fundingModel.kind === 'unit-rates') {
      const requests: JobFundingRequest[] = application.jobs.map((j) => ({
        workingTime: j.workingTime as WorkingTime,
        severeOrMultipleDisability: j.workingTime === '1/4',
      }));
      const computed = computeRequestedAmount(
        call.fundingModel,
        requests,
        warsawDate(application.submittedAt),
        {
          maxJobs: Math.max(call.maxJobsPerEntity, requests.length),
        },
      );
      if (computed.ok) return computed.value.perJob.map((j) => j.total);
    }
    return application.jobs.map(() => 1);
  }

  async pay(
    user: AuthUser,
    id: string,
    dto: PaymentDto,
  ): Promise<{ award: Award; payment: Payment }> {
    return this.outbox.transaction(async (manager, emit) => {
      const award = await manager.findOne(Award, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!award) throw ApiError.notFound(NOT_FOUND);
      assertNotGivenUp(award);
      if (award.status === 'granted') {
        throw ApiError.unprocessable('AGREEMENT_NOT_SIGNED', {
          pl: 'Wypłata możliwa po zawarciu umowy',
          en: 'Payments are made once the agreement is signed',
        });
      }
      const today = warsawDate(this.clock.now());
      if (dto.paidOn > today)
        throw invalid([field('paidOn', 'Data z przyszłości', 'A date in the future')]);
      if (award.signedOn && dto.paidOn < award.signedOn) {
        throw invalid([
          field('paidOn', 'Wypłata przed zawarciem umowy', 'A payment before the agreement'),
        ]);
      }
      const overall = paymentProblem(award.amount, award.paidTotal, dto.amount);
      if (overall) {
        throw ApiError.unprocessable(
          'EXCEEDS_AWARD',
          {
            pl: `${localize(overall).pl}; pozostało do wypłaty ${remainingToPay(award.amount, award.paidTotal)} gr`,
            en: `${localize(overall).en}; ${remainingToPay(award.amount, award.paidTotal)} grosze remain to be paid`,
          },
          [{ path: 'amount', message: localize(overall) }],
        );
      }
      let job: AwardJob | null = null;
      if (dto.kind === 'bridging') {
        const call = await manager.findOneOrFail(Call, { where: { id: award.callId } });
        if (call.fundingModel.kind !== 'grant-bridging') {
          throw ApiError.unprocessable('NO_BRIDGING_SUPPORT', {
            pl: 'Model finansowania naboru nie przewiduje wsparcia pomostowego',
            en: "The call's funding model has no bridging support",
          });
        }
        job = await manager.findOne(AwardJob, { where: { id: dto.jobId!, awardId: id } });
        if (!job) throw invalid([field('jobId', 'Nie ma takiego miejsca pracy', 'No such job')]);
        const [paid] = await manager.query(
          `SELECT COALESCE(sum(amount), 0)::bigint AS total FROM grants.payments
            WHERE job_id = $1 AND month = $2 AND kind = 'bridging'`,
          [job.id, dto.month],
        );
        // The extension months are open at the approved monthly amount, for the approved jobs.
        const caps = (call.fundingModel as GrantBridgingFundingModel).bridging;
        const extension = await manager.findOne(BridgingExtensionRequest, {
          where: { awardId: id, status: 'approved' },
        });
        const problem = bridgingPaymentProblem(
          {
            startMonth: monthOf(job.startDate),
            limits: extension
              ? {
                  ...caps,
                  extensionMonths: extension.months,
                  extensionMonthlyCap: extension.monthlyAmount,
                }
              : caps,
            extensionGranted: extension?.jobIds.includes(job.id) ?? false,
          },
          dto.month!,
          Number(paid.total),
          dto.amount,
        );
        if (problem) {
          throw ApiError.unprocessable('BRIDGING_NOT_ALLOWED', localize(problem), [
            { path: 'month', message: localize(problem) },
          ]);
        }
      }
      const now = this.clock.now();
      const payment = await manager.save(
        manager.create(Payment, {
          awardId: id,
          kind: dto.kind,
          amount: dto.amount,
          paidOn: dto.paidOn,
          jobId: job?.id ?? null,
          month: dto.kind === 'bridging' ? dto.month! : null,
          recordedBy: user.id,
          recordedAt: now,
        }),
      );
      award.paidTotal += dto.amount;
      award.updatedAt = now;
      await manager.save(award);
      await this.audit.record(manager, {
        entityType: 'award',
        entityId: id,
        action: 'payment-recorded',
        changes: {
          paymentId: payment.id,
          kind: dto.kind,
          amount: dto.amount,
          paidOn: dto.paidOn,
          paidTotal: award.paidTotal,
        },
      });
      await emit('grants.payment.made', {
        paymentId: payment.id,
        awardId: id,
        reference: award.reference,
        kind: dto.kind,
        amount: dto.amount,
        paidOn: dto.paidOn,
        ...(job ? { jobId: job.id, month: dto.month! } : {}),
        paidTotal: award.paidTotal,
        remaining: remainingToPay(award.amount, award.paidTotal),
        applicant: award.applicant,
      });
      return { award, payment };
    });
  }
}
