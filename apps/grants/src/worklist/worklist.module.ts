import { Module } from '@nestjs/common';
import { WorklistController } from './worklist.controller.js';
import { GetWorklist } from './use-cases/get-worklist/get-worklist.use-case.js';

/** The centre staff's to-do list (docs/portal.md, `/biuro`): what waits in grants. */
@Module({ controllers: [WorklistController], providers: [GetWorklist] })
export class WorklistModule {}
