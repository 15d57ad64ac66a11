import { Module, type DynamicModule } from '@nestjs/common';
import type { Clock } from '@app/common/time/clock.js';
import { PortalEnv } from './config/portal.env.js';
import { PortalCoreModule } from './platform/portal-core.module.js';
import { HomeModule } from './home/home.module.js';
import { InfoModule } from './info/info.module.js';
import { AccountModule } from './account/account.module.js';
import { CallsModule } from './calls/calls.module.js';
import { GroupsModule } from './groups/groups.module.js';
import { ApplicationFormModule } from './application-form/application-form.module.js';
import { ApplicationStatusModule } from './application-status/application-status.module.js';
import { EvaluationModule } from './evaluation/evaluation.module.js';
import { StaffHomeModule } from './staff-home/staff-home.module.js';
import { StaffCallsModule } from './staff-calls/staff-calls.module.js';
import { StaffReviewModule } from './staff-review/staff-review.module.js';
import { StaffAwardsModule } from './staff-awards/staff-awards.module.js';
import { StaffReportsModule } from './staff-reports/staff-reports.module.js';
import { RegionModule } from './region/region.module.js';
import { CentreAdminModule } from './centre-admin/centre-admin.module.js';

/** The web portal (docs/portal.md): pages rendered on the server over the services' APIs. */
@Module({})
export class PortalModule {
  static forRoot(env: PortalEnv, clock?: Clock): DynamicModule {
    return {
      module: PortalModule,
      imports: [
        PortalCoreModule.forRoot(env, clock),
        HomeModule,
        InfoModule,
        AccountModule,
        CallsModule,
        GroupsModule,
        ApplicationFormModule,
        ApplicationStatusModule,
        EvaluationModule,
        StaffHomeModule,
        StaffCallsModule,
        StaffReviewModule,
        StaffAwardsModule,
        StaffReportsModule,
        RegionModule,
        CentreAdminModule,
      ],
    };
  }
}
