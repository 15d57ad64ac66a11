import { Module } from '@nestjs/common';
import { GrantsMetrics } from './grants.metrics.js';

/** The grants service's own gauges (served at `/metrics` with the platform's). */
@Module({ providers: [GrantsMetrics] })
export class GrantsMetricsModule {}
