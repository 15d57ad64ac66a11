import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Metrics } from '@app/common';
import { MonitoringScheduler } from '../monitoring/monitoring.scheduler.js';

/**
 * The grants service's gauges (docs/runbook.md#metrics-and-alerts): the monitoring scheduler's
 * loop as `owes_worker_*{worker="MonitoringScheduler"}` — a tick that keeps failing, or no tick
 * for several SCHEDULER_INTERVAL_MS, means reports, refund claims and settlements are not done.
 */
@Injectable()
export class GrantsMetrics implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    // The scheduler is the monitoring module's own (not exported): looked up, not imported.
    const scheduler = this.moduleRef.get(MonitoringScheduler, { strict: false });
    this.metrics.worker(() => scheduler.metrics());
  }
}
