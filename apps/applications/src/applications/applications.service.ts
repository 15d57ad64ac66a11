import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ApiError,
  Clock,
  OutboxService,
  warsawYear,
  type AuthUser,
} from '@app/common';
import { AuditService } from '../audit/audit.service.js';
import { CallReadModel } from '../calls/call.entity.js';
import { User } from '../identity/user.entity.js';
import { Application, ApplicationVersion } from './application.entity.js';
import { nextReference } from './reference-counter.js';
import type { ListApplicationsQuery } from './applications.dto.js';

const NOT_FOUND = { pl: 'Nie ma takiego wniosku', en: 'No such application' };

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private isStaff(user: AuthUser): boolean {
    return user.roles.includes('operator') || user.roles.includes('admin');
  }

  /** Loads an application the caller may see; another applicant's id answers 404, never 403. */
  private async visible(manager: EntityManager, user: AuthUser, id: string, lock = false): Promise<Application> {
    const application = await manager.findOne(Application, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!application || (!this.isStaff(user) && application.applicantId !== user.id)) {
      throw ApiError.notFound(NOT_FOUND);
    }
    return application;
  }

  async create(user: AuthUser, callId: string, form: Record<string, unknown> = {}): Promise<Application> {
    return this.outbox.transaction(async (manager) => {
      const call = await manager.findOne(CallReadModel, { where: { id: callId } });
      if (!call) {
        throw ApiError.unprocessable('UNKNOWN_CALL', { pl: 'Nie ma takiego naboru', en: 'No such call' }, [
          { path: 'callId', message: { pl: 'Nie ma takiego naboru', en: 'No such call' } },
        ]);
      }
      const now = this.clock.now();
      const application = await manager.save(
        manager.create(Application, {
          applicantId: user.id,
          callId,
          state: 'draft',
          form,
          reference: null,
          submittedVersion: 0,
          submittedAt: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'application',
        entityId: application.id,
        action: 'created',
        toState: 'draft',
      });
      return application;
    });
  }

  async get(user: AuthUser, id: string): Promise<Application> {
    return this.visible(this.dataSource.manager, user, id);
  }

  async list(user: AuthUser, query: ListApplicationsQuery) {
    const qb = this.dataSource.getRepository(Application).createQueryBuilder('a');
    if (!this.isStaff(user)) qb.andWhere('a.applicant_id = :me', { me: user.id });
    if (query.callId) qb.andWhere('a.call_id = :callId', { callId: query.callId });
    if (query.state) qb.andWhere('a.state = :state', { state: query.state });
    const [items, total] = await qb
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async updateDraft(user: AuthUser, id: string, form: Record<string, unknown>): Promise<Application> {
    return this.outbox.transaction(async (manager) => {
      const application = await this.visible(manager, user, id, true);
      if (application.applicantId !== user.id) throw ApiError.forbidden();
      if (application.state !== 'draft') {
        throw ApiError.conflict('NOT_A_DRAFT', {
          pl: 'Złożonego wniosku nie można zmieniać',
          en: 'A submitted application cannot be changed',
        });
      }
      application.form = form;
      application.updatedAt = this.clock.now();
      return manager.save(application);
    });
  }

  /**
   * Submits a draft. Idempotent: a repeated or concurrent submit of the same draft waits on the
   * row lock and then returns the same submission and reference, with one event.
   */
  async submit(user: AuthUser, id: string): Promise<Application> {
    return this.outbox.transaction(async (manager, emit) => {
      const application = await this.visible(manager, user, id, true);
      if (application.applicantId !== user.id) throw ApiError.forbidden();
      if (application.state === 'submitted' && application.reference) return application;
      if (application.state !== 'draft') {
        throw ApiError.conflict('NOT_A_DRAFT', {
          pl: 'Tego wniosku nie można złożyć w obecnym stanie',
          en: 'This application cannot be submitted in its current state',
        });
      }
      const now = this.clock.now();
      const call = await manager.findOneOrFail(CallReadModel, { where: { id: application.callId } });
      if (now < call.opensAt || now >= call.closesAt) {
        throw ApiError.unprocessable('CALL_CLOSED', {
          pl: 'Nabór nie jest otwarty: wniosek można złożyć tylko w czasie trwania naboru',
          en: 'The call is not open: applications can be submitted only while it is open',
        });
      }
      const applicant = await manager.findOneOrFail(User, { where: { id: application.applicantId } });
      const reference = await nextReference(manager, warsawYear(now));
      application.state = 'submitted';
      application.reference = reference;
      application.submittedVersion += 1;
      application.submittedAt = now;
      application.updatedAt = now;
      await manager.save(application);
      await manager.insert(ApplicationVersion, {
        applicationId: application.id,
        version: application.submittedVersion,
        form: application.form as any,
        submittedAt: now,
      });
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'application',
        entityId: application.id,
        action: 'submitted',
        fromState: 'draft',
        toState: 'submitted',
        changes: { reference, version: application.submittedVersion },
      });
      await emit('applications.application.submitted', {
        applicationId: application.id,
        reference,
        version: application.submittedVersion,
        callId: call.id,
        callNumber: call.number,
        callTitle: call.title,
        submittedAt: now.toISOString(),
        applicant: {
          userId: applicant.id,
          email: applicant.email,
          name: applicant.fullName,
          language: applicant.language,
        },
      });
      return application;
    });
  }
}
