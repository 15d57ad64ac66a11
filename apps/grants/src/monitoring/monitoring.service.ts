import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  ApiError,
  Clock,
  OutboxService,
  multiplyGrosze,
  warsawDate,
  type AuthUser,
  type Emit,
  AuditService,
} from '@app/common';
import {
  addDays,
  isRefillMissed,
  refillDeadline,
  refundClaim,
  type RefundPart,
} from '../domain/index.js';
import { Call } from '../calls/call.entity.js';
import { Award, AwardJob, Payment } from '../awards/award.entities.js';
import { AwardsService } from '../awards/awards.service.js';
import type { JobReportDto, RefillDto, VacancyDto, InterestRateDto } from '../awards/awards.dto.js';
import { RankingService } from '../ranking/ranking.service.js';
import { field, invalid, isUniqueViolation, toFieldProblems } from '../shared/problems.js';
import { InterestRate, JobReport, RefundClaimRecord } from './monitoring.entities.js';
import { GrantsEnv } from '../config/grants.env.js';

const JOB_NOT_FOUND = { pl: 'Nie ma takiego miejsca pracy', en: 'No such job' };

/**
 * Keeping the jobs: monthly reports, vacancies and refills, and what the scheduler does each
 * tick — report due / overdue notices, refund claims for vacancies not refilled in time, terms
 * kept, settlement, overdue evaluations and the funding from the reserve list after appeals.
 * "Today" is always the Warsaw day of the injected Clock.
 */
@Injectable()
export class MonitoringService {
  private readonly log = new Logger('Monitoring');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly awards: AwardsService,
    private readonly ranking: RankingService,
    private readonly env: GrantsEnv,
  ) {}

  /** Rows a scan takes per transaction. */
  private get batch(): number {
    return this.env.SCHEDULER_BATCH_SIZE;
  }

  private today(): string {
    return warsawDate(this.clock.now());
  }

  private async jobFor(user: AuthUser, manager: EntityManager, awardId: string, jobId: string) {
    const award = await this.awards.awardFor(user, awardId, manager);
    const job = await manager.findOne(AwardJob, {
      where: { id: jobId, awardId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!job) throw ApiError.notFound(JOB_NOT_FOUND);
    if (job.status === 'refund-claimed' || job.status === 'kept') {
      throw ApiError.conflict('JOB_TERM_CLOSED', {
        pl: 'Monitorowanie tego miejsca pracy zostało zakończone',
        en: "This job's monitoring is closed",
      });
    }
    return { award, job };
  }

  async submitReport(
    user: AuthUser,
    awardId: string,
    jobId: string,
    dto: JobReportDto,
  ): Promise<JobReport> {
    return this.outbox.transaction(async (manager, emit) => {
      const { award, job } = await this.jobFor(user, manager, awardId, jobId);
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
        throw ApiError.conflict('REPORT_ALREADY_SUBMITTED', {
          pl: 'Potwierdzenie za ten miesiąc zostało już złożone',
          en: 'The report for this month has already been submitted',
        });
      }
      const today = this.today();
      if (today < report.periodTo) {
        throw ApiError.unprocessable('PERIOD_NOT_ENDED', {
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
        if (job.status === 'active') await this.openVacancy(manager, emit, award, job, vacancy);
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

  async reportVacancy(
    user: AuthUser,
    awardId: string,
    jobId: string,
    dto: VacancyDto,
  ): Promise<AwardJob> {
    return this.outbox.transaction(async (manager, emit) => {
      const { award, job } = await this.jobFor(user, manager, awardId, jobId);
      if (job.status !== 'active') {
        throw ApiError.conflict('JOB_ALREADY_VACANT', {
          pl: 'Miejsce pracy jest już nieobsadzone',
          en: 'The job is already vacant',
        });
      }
      if (
        dto.vacancyDate < job.startDate ||
        dto.vacancyDate > job.endDate ||
        dto.vacancyDate > this.today()
      ) {
        throw invalid([
          field(
            'vacancyDate',
            'Data spoza okresu utrzymania lub z przyszłości',
            "A date outside the job's term or in the future",
          ),
        ]);
      }
      await this.openVacancy(manager, emit, award, job, dto.vacancyDate);
      return job;
    });
  }

  private async openVacancy(
    manager: EntityManager,
    emit: Emit,
    award: Award,
    job: AwardJob,
    vacancyDate: string,
  ): Promise<void> {
    const call = await manager.findOneOrFail(Call, { where: { id: award.callId } });
    job.status = 'vacant';
    job.vacancyDate = vacancyDate;
    job.refillDeadline = refillDeadline(vacancyDate, call.refillMonths);
    job.refilledOn = null;
    job.updatedAt = this.clock.now();
    await manager.save(job);
    await this.audit.record(manager, {
      entityType: 'award-job',
      entityId: job.id,
      action: 'vacancy-reported',
      fromState: 'active',
      toState: 'vacant',
      changes: { vacancyDate, refillDeadline: job.refillDeadline },
    });
    await emit('grants.job.vacancy-reported', {
      awardId: award.id,
      jobId: job.id,
      reference: award.reference,
      position: job.position,
      vacancyDate,
      refillDeadline: job.refillDeadline,
      applicant: award.applicant,
    });
  }

  async refill(user: AuthUser, awardId: string, jobId: string, dto: RefillDto): Promise<AwardJob> {
    return this.outbox.transaction(async (manager) => {
      const { job } = await this.jobFor(user, manager, awardId, jobId);
      if (job.status !== 'vacant') {
        throw ApiError.conflict('JOB_NOT_VACANT', {
          pl: 'Miejsce pracy nie jest nieobsadzone',
          en: 'The job is not vacant',
        });
      }
      if (dto.refilledOn < job.vacancyDate! || dto.refilledOn > this.today()) {
        throw invalid([
          field(
            'refilledOn',
            'Data przed wakatem lub z przyszłości',
            'A date before the vacancy or in the future',
          ),
        ]);
      }
      if (isRefillMissed(job.refillDeadline!, this.today(), dto.refilledOn)) {
        throw ApiError.unprocessable('REFILL_TOO_LATE', {
          pl: `Termin na obsadzenie miejsca pracy minął ${job.refillDeadline}`,
          en: `The deadline to fill the job passed on ${job.refillDeadline}`,
        });
      }
      job.status = 'active';
      job.refilledOn = dto.refilledOn;
      job.updatedAt = this.clock.now();
      await manager.save(job);
      await this.audit.record(manager, {
        entityType: 'award-job',
        entityId: job.id,
        action: 'refilled',
        fromState: 'vacant',
        toState: 'active',
        changes: { refilledOn: dto.refilledOn, evidenceReference: dto.evidenceReference },
      });
      return job;
    });
  }

  // ----- statutory interest rates (a dated setting) -----

  rates(): Promise<InterestRate[]> {
    return this.dataSource.getRepository(InterestRate).find({ order: { validFrom: 'ASC' } });
  }

  async addRate(dto: InterestRateDto): Promise<InterestRate> {
    if (!/^\d{1,3}(\.\d{1,6})?$/.test(dto.ratePercent)) {
      throw invalid([
        field('ratePercent', 'Nieprawidłowa stopa procentowa', 'Invalid interest rate'),
      ]);
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rate = manager.create(InterestRate, {
          validFrom: dto.validFrom,
          ratePercent: dto.ratePercent,
          createdAt: this.clock.now(),
        });
        await manager.insert(InterestRate, rate);
        await this.audit.record(manager, {
          entityType: 'interest-rate',
          entityId: '00000000-0000-0000-0000-000000000000',
          action: 'added',
          changes: { ...dto },
        });
        return rate;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw ApiError.conflict('RATE_EXISTS', {
          pl: 'Stopa od tego dnia już istnieje (zmiana to nowy wpis od nowej daty)',
          en: 'A rate from this day already exists (a change is a new entry from a new date)',
        });
      }
      throw error;
    }
  }

  // ----- the scheduler's work -----

  /** One pass of every scan; each scan works in batches under SKIP LOCKED, so replicas share it. */
  async tick(): Promise<Record<string, number>> {
    const done: Record<string, number> = {};
    done.reportsDue = await this.drain(() => this.reportsDue());
    done.reportsOverdue = await this.drain(() => this.reportsOverdue());
    const unpriced = new Set<string>();
    done.refundsClaimed = (await this.drain(() => this.refillsMissed(unpriced))) - unpriced.size;
    done.termsKept = await this.drain(() => this.termsKept());
    done.settled = await this.drain(() => this.settlements());
    done.evaluationsOverdue = await this.drain(() => this.evaluationsOverdue());
    done.callsSettledAfterAppeals = await this.ranking.settleDueCalls();
    return done;
  }

  private async drain(step: () => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await step();
      total += n;
      if (n < this.batch) return total;
    }
  }

  private async reportsDue(): Promise<number> {
    const today = this.today();
    return this.outbox.transaction(async (manager, emit) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT r.id FROM grants.job_reports r JOIN grants.award_jobs j ON j.id = r.job_id
          WHERE r.status = 'pending' AND r.due_notified_at IS NULL AND r.period_to < $1
            AND j.status IN ('active', 'vacant')
          ORDER BY r.period_to LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
        [today, this.batch],
      );
      await this.notifyReports(
        manager,
        emit,
        rows.map((r) => r.id),
        'due',
      );
      return rows.length;
    });
  }

  private async reportsOverdue(): Promise<number> {
    const today = this.today();
    return this.outbox.transaction(async (manager, emit) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT r.id FROM grants.job_reports r JOIN grants.award_jobs j ON j.id = r.job_id
          WHERE r.status = 'pending' AND r.overdue_notified_at IS NULL AND r.due_date < $1
            AND j.status IN ('active', 'vacant')
          ORDER BY r.due_date LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
        [today, this.batch],
      );
      await this.notifyReports(
        manager,
        emit,
        rows.map((r) => r.id),
        'overdue',
      );
      return rows.length;
    });
  }

  private async notifyReports(
    manager: EntityManager,
    emit: Emit,
    ids: string[],
    what: 'due' | 'overdue',
  ) {
    if (ids.length === 0) return;
    const reports = await manager.find(JobReport, { where: { id: In(ids) } });
    const jobs = new Map(
      (await manager.find(AwardJob, { where: { id: In(reports.map((r) => r.jobId)) } })).map(
        (j) => [j.id, j],
      ),
    );
    const awards = new Map(
      (await manager.find(Award, { where: { id: In(reports.map((r) => r.awardId)) } })).map((a) => [
        a.id,
        a,
      ]),
    );
    const now = this.clock.now();
    for (const report of reports) {
      const job = jobs.get(report.jobId)!;
      const award = awards.get(report.awardId)!;
      if (what === 'due') report.dueNotifiedAt = now;
      else report.overdueNotifiedAt = now;
      await manager.save(report);
      await emit(what === 'due' ? 'grants.job.report-due' : 'grants.job.report-overdue', {
        reportId: report.id,
        awardId: award.id,
        jobId: job.id,
        reference: award.reference,
        position: job.position,
        period: report.period,
        dueDate: report.dueDate,
        applicant: award.applicant,
      });
    }
  }

  /**
   * Vacancies not refilled by their deadline: the money for the job, with statutory interest, is
   * claimed back. Returns how many rows it examined; a job whose refund cannot be computed (no
   * interest rate in force) stays vacant, is added to `unpriced` and is not taken again in this
   * tick — otherwise a full batch of them would be examined over and over and the tick would
   * never end.
   */
  private async refillsMissed(unpriced: Set<string>): Promise<number> {
    const today = this.today();
    return this.outbox.transaction(async (manager, emit) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM grants.award_jobs
          WHERE status = 'vacant' AND refill_deadline < $1 AND NOT (id = ANY($3::uuid[]))
          ORDER BY refill_deadline LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [today, this.batch, [...unpriced]],
      );
      if (rows.length === 0) return 0;
      const rates = (await this.rates()).map((r) => ({
        validFrom: r.validFrom,
        ratePercent: r.ratePercent,
      }));
      for (const { id } of rows) {
        const job = await manager.findOneOrFail(AwardJob, { where: { id } });
        const award = await manager.findOneOrFail(Award, {
          where: { id: job.awardId },
          lock: { mode: 'pessimistic_write' },
        });
        const call = await manager.findOneOrFail(Call, { where: { id: award.callId } });
        const parts = await this.refundParts(manager, award, job);
        let claim: Omit<RefundClaimRecord, 'id' | 'awardId' | 'jobId' | 'createdAt'>;
        if (parts.length === 0) {
          claim = {
            principal: 0,
            interest: 0,
            total: 0,
            calculatedOn: today,
            demandDate: today,
            dueDate: addDays(today, call.refundDueDays),
            periods: [],
          };
        } else {
          const computed = refundClaim({
            parts,
            calculatedOn: today,
            demandDate: today,
            rates,
            dueDays: call.refundDueDays,
          });
          if (!computed.ok) {
            // A configuration gap (no interest rate in force): leave the job for the next tick and say why.
            this.log.error(
              `Refund for job ${id} cannot be computed: ${JSON.stringify(toFieldProblems(computed.problems))}`,
            );
            unpriced.add(id);
            continue;
          }
          const v = computed.value;
          claim = {
            principal: v.principal,
            interest: v.interest,
            total: v.total,
            calculatedOn: v.calculatedOn,
            demandDate: v.demandDate,
            dueDate: v.dueDate,
            periods: [...v.periods],
          };
        }
        const record = await manager.save(
          manager.create(RefundClaimRecord, {
            ...claim,
            awardId: award.id,
            jobId: job.id,
            createdAt: this.clock.now(),
          }),
        );
        job.status = 'refund-claimed';
        job.updatedAt = this.clock.now();
        await manager.save(job);
        await manager.query(
          `UPDATE grants.job_reports SET status = 'cancelled' WHERE job_id = $1 AND status = 'pending'`,
          [job.id],
        );
        await this.audit.record(manager, {
          actorId: null,
          entityType: 'award-job',
          entityId: job.id,
          action: 'refund-claimed',
          fromState: 'vacant',
          toState: 'refund-claimed',
          changes: {
            refundId: record.id,
            principal: claim.principal,
            interest: claim.interest,
            total: claim.total,
            dueDate: claim.dueDate,
          },
        });
        await emit('grants.refund.claimed', {
          refundId: record.id,
          awardId: award.id,
          jobId: job.id,
          reference: award.reference,
          position: job.position,
          principal: claim.principal,
          interest: claim.interest,
          total: claim.total,
          calculatedOn: claim.calculatedOn,
          demandDate: claim.demandDate,
          dueDate: claim.dueDate,
          applicant: award.applicant,
        });
      }
      return rows.length;
    });
  }

  /**
   * The money paid for one job, payment by payment (interest runs from each payment's day):
   * its share of every tranche (by the job's weight) and its own bridging support.
   */
  private async refundParts(
    manager: EntityManager,
    award: Award,
    job: AwardJob,
  ): Promise<RefundPart[]> {
    const payments = await manager.find(Payment, {
      where: { awardId: award.id },
      order: { paidOn: 'ASC' },
    });
    const [weights] = await manager.query(
      `SELECT sum(weight)::bigint AS total FROM grants.award_jobs WHERE award_id = $1`,
      [award.id],
    );
    const totalWeight = Number(weights.total);
    const parts: RefundPart[] = [];
    for (const p of payments) {
      const principal =
        p.kind === 'tranche'
          ? multiplyGrosze(p.amount, job.weight, totalWeight)
          : p.jobId === job.id
            ? p.amount
            : 0;
      if (principal > 0) parts.push({ principal, paidOn: p.paidOn });
    }
    return parts;
  }

  /** Jobs past their term with every report in: kept. */
  private async termsKept(): Promise<number> {
    const today = this.today();
    return this.outbox.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT j.id FROM grants.award_jobs j
          WHERE j.status = 'active' AND j.end_date < $1
            AND NOT EXISTS (SELECT 1 FROM grants.job_reports r WHERE r.job_id = j.id AND r.status = 'pending')
            AND NOT EXISTS (SELECT 1 FROM grants.job_reports r WHERE r.job_id = j.id AND r.job_exists = false
                              AND r.period_from > COALESCE(j.refilled_on, '-infinity'::date))
          ORDER BY j.end_date LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [today, this.batch],
      );
      for (const { id } of rows) {
        await manager.query(
          `UPDATE grants.award_jobs SET status = 'kept', updated_at = $2 WHERE id = $1`,
          [id, this.clock.now()],
        );
        await this.audit.record(manager, {
          actorId: null,
          entityType: 'award-job',
          entityId: id,
          action: 'term-kept',
          fromState: 'active',
          toState: 'kept',
        });
      }
      return rows.length;
    });
  }

  /** Awards whose every job kept its term (or was settled by a refund claim): settled. */
  private async settlements(): Promise<number> {
    const today = this.today();
    return this.outbox.transaction(async (manager, emit) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT w.id FROM grants.awards w
          WHERE w.status = 'agreement-signed'
            AND EXISTS (SELECT 1 FROM grants.award_jobs j WHERE j.award_id = w.id)
            AND NOT EXISTS (SELECT 1 FROM grants.award_jobs j WHERE j.award_id = w.id AND j.status IN ('active', 'vacant'))
          LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batch],
      );
      for (const { id } of rows) {
        const award = await manager.findOneOrFail(Award, { where: { id } });
        const [stats] = await manager.query(
          `SELECT count(*) FILTER (WHERE status = 'kept') AS kept,
                  (SELECT COALESCE(sum(total), 0)::bigint FROM grants.refund_claims WHERE award_id = $1) AS refunds
             FROM grants.award_jobs WHERE award_id = $1`,
          [id],
        );
        award.status = 'settled';
        award.settledOn = today;
        award.updatedAt = this.clock.now();
        await manager.save(award);
        await this.audit.record(manager, {
          actorId: null,
          entityType: 'award',
          entityId: id,
          action: 'settled',
          fromState: 'agreement-signed',
          toState: 'settled',
        });
        await emit('grants.award.settled', {
          awardId: id,
          reference: award.reference,
          amount: award.amount,
          paidTotal: award.paidTotal,
          refundClaimedTotal: Number(stats.refunds),
          jobsKept: Number(stats.kept),
          settledOn: today,
          applicant: award.applicant,
        });
      }
      return rows.length;
    });
  }

  private async evaluationsOverdue(): Promise<number> {
    const today = this.today();
    return this.outbox.transaction(async (manager, emit) => {
      const rows: {
        id: string;
        application_id: string;
        call_id: string;
        round: 'first' | 'third' | 'appeal';
        due_date: string;
        reference: string;
        number: string;
        email: string;
        name: string;
        language: 'pl' | 'en';
        evaluator_id: string;
      }[] = await manager.query(
        `SELECT e.id, e.application_id, e.call_id, e.round, e.due_date::text AS due_date, e.evaluator_id,
                a.reference, c.number, p.email, p.name, p.language
           FROM grants.evaluations e
           JOIN grants.applications a ON a.id = e.application_id
           JOIN grants.calls c ON c.id = e.call_id
           JOIN grants.call_evaluators p ON p.call_id = e.call_id AND p.user_id = e.evaluator_id
          WHERE e.status IN ('assigned', 'declared') AND e.overdue_notified_at IS NULL AND e.due_date < $1
          ORDER BY e.due_date LIMIT $2 FOR UPDATE OF e SKIP LOCKED`,
        [today, this.batch],
      );
      for (const r of rows) {
        await manager.query(
          `UPDATE grants.evaluations SET overdue_notified_at = $2 WHERE id = $1`,
          [r.id, this.clock.now()],
        );
        await emit('grants.evaluation.overdue', {
          evaluationId: r.id,
          applicationId: r.application_id,
          reference: r.reference,
          callId: r.call_id,
          callNumber: r.number,
          round: r.round,
          dueDate: r.due_date,
          evaluator: { userId: r.evaluator_id, email: r.email, name: r.name, language: r.language },
        });
      }
      return rows.length;
    });
  }
}
