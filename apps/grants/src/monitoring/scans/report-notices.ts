import { In } from 'typeorm';
import { Award, AwardJob } from '../../awards/award.entities.js';
import type { Tx } from '../../shared/tx.js';
import { JobReport } from '../monitoring.entities.js';

/**
 * Marks the reports notified (due, or overdue) and tells each applicant, in the scan's
 * transaction: a notice is sent once.
 */
export async function notifyReports(
  { manager, emit }: Tx,
  ids: readonly string[],
  what: 'due' | 'overdue',
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  const reports = await manager.find(JobReport, { where: { id: In([...ids]) } });
  const jobs = new Map(
    (await manager.find(AwardJob, { where: { id: In(reports.map((r) => r.jobId)) } })).map((j) => [
      j.id,
      j,
    ]),
  );
  const awards = new Map(
    (await manager.find(Award, { where: { id: In(reports.map((r) => r.awardId)) } })).map((a) => [
      a.id,
      a,
    ]),
  );
  for (const report of reports) {
    const job = jobs.get(report.jobId)!;
    const award = awards.get(report.awardId)!;
    if (what === 'due') report.dueNotifiedAt = now;
    else report.overdueNotifiedAt = now;
    await manager.save(report);
    await emit(what === 'due' ? 'grants.job.report-due' : 'grants.job.report-overdue', {
      centreId: award.centreId,
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
