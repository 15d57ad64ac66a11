import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module.js';
import { InterestRatesModule } from '../interest-rates/interest-rates.module.js';
import { JobMonitoringController } from './job-monitoring.controller.js';
import { MonitoringController } from './monitoring.controller.js';
import { MonitoringScheduler } from './monitoring.scheduler.js';
import { MonitoringService } from './monitoring.service.js';
import { RefundClaimsScan } from './scans/refund-claims.scan.js';
import { ReportNoticesScan } from './scans/report-notices.scan.js';
import { SettlementsScan } from './scans/settlements.scan.js';
import { TermsKeptScan } from './scans/terms-kept.scan.js';
import { RefillJob } from './use-cases/refill-job/refill-job.use-case.js';
import { OpenVacancy } from './use-cases/report-vacancy/open-vacancy.js';
import { ReportVacancy } from './use-cases/report-vacancy/report-vacancy.use-case.js';
import { SubmitReport } from './use-cases/submit-report/submit-report.use-case.js';

/**
 * Keeping the funded jobs after the agreement — monthly reports, vacancies and refills — and the
 * durable scheduler whose tick runs the scans (refund claims, terms kept, settlement; and, from
 * the evaluation module, overdue evaluations and the settlement after the appeals).
 */
@Module({
  imports: [EvaluationModule, InterestRatesModule],
  controllers: [MonitoringController, JobMonitoringController],
  providers: [
    SubmitReport,
    ReportVacancy,
    RefillJob,
    OpenVacancy,
    ReportNoticesScan,
    RefundClaimsScan,
    TermsKeptScan,
    SettlementsScan,
    MonitoringService,
    MonitoringScheduler,
  ],
})
export class MonitoringModule {}
