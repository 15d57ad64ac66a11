import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiError, AuditService, Clock, OutboxService, type AuthUser } from '@app/common';
import { SessionsService } from '../identity/sessions.service.js';
import { User } from '../identity/user.entity.js';
import { Centre, CentreStaff, CoordinatorScope } from './centre.entity.js';
import { CentresErrors } from './centres.errors.js';
import type {
  AddStaffDto,
  CoordinatorScopeDto,
  CreateCentreDto,
  UpdateCentreDto,
} from './centres.dto.js';
import {
  activeCentres,
  createCentre,
  saveCoordinatorScope,
  updateCentre,
} from './centres.store.js';

const NO_CENTRE = { pl: 'Nie ma takiego ośrodka', en: 'No such centre' };

/** True when the caller runs the installation, or is an admin of the centre. */
export function managesCentre(user: AuthUser, centreId: string): boolean {
  if (user.roles.includes('platform-admin')) return true;
  return user.roles.includes('admin') && user.centres.includes(centreId);
}

/**
 * Centres, their staff and coordinators' scopes (docs/tenancy.md). A platform administrator
 * creates centres; a centre's admin changes its record and its staff; another centre's admin gets
 * 404, as if it did not exist.
 */
@Injectable()
export class CentresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(dto: CreateCentreDto): Promise<Centre> {
    return this.outbox.transaction((manager) => createCentre(manager, dto, this.clock.now()));
  }

  listActive(): Promise<Centre[]> {
    return activeCentres(this.dataSource.manager);
  }

  async get(id: string): Promise<Centre> {
    const centre = await this.dataSource.manager.findOne(Centre, { where: { id } });
    if (!centre) throw ApiError.notFound(NO_CENTRE);
    return centre;
  }

  async update(user: AuthUser, id: string, dto: UpdateCentreDto): Promise<Centre> {
    if (!managesCentre(user, id)) throw ApiError.notFound(NO_CENTRE);
    const centre = await this.outbox.transaction((manager) =>
      updateCentre(manager, id, dto, this.clock.now()),
    );
    if (!centre) throw ApiError.notFound(NO_CENTRE);
    return centre;
  }

  async staff(user: AuthUser, id: string): Promise<User[]> {
    if (!managesCentre(user, id)) throw ApiError.notFound(NO_CENTRE);
    await this.get(id);
    return this.dataSource.manager
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(CentreStaff, 's', 's.user_id = u.id AND s.centre_id = :id', { id })
      .orderBy('u.email', 'ASC')
      .getMany();
  }

  /** Adds an existing account to the centre's staff with the role; its old tokens end. */
  async addStaff(user: AuthUser, id: string, dto: AddStaffDto): Promise<User> {
    if (!managesCentre(user, id)) throw ApiError.notFound(NO_CENTRE);
    return this.outbox.transaction(async (manager, emit) => {
      await this.lockCentre(manager, id);
      const account = await manager.findOne(User, {
        where: { email: dto.email.trim().toLowerCase() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!account) {
        const message = { pl: 'Nie ma konta o tym adresie', en: 'No account with this address' };
        throw ApiError.badRequest(CentresErrors.CENTRE_INVALID, message, [
          { path: 'email', message },
        ]);
      }
      const joined = await manager
        .createQueryBuilder()
        .insert()
        .into(CentreStaff)
        .values({ centreId: id, userId: account.id })
        .orIgnore()
        .execute();
      const added = (joined.raw as unknown[]).length > 0;
      const fromRole = account.role;
      if (!added && fromRole === dto.role) return account;
      account.role = dto.role;
      await manager.save(account);
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'user',
        entityId: account.id,
        action: 'centre-joined',
        fromState: fromRole,
        toState: dto.role,
        changes: { centreId: id },
      });
      await this.sessions.publish(manager, emit, account, 'centres-changed', { bump: true });
      return account;
    });
  }

  /** Takes an account off the centre's staff; its old tokens end. */
  async removeStaff(user: AuthUser, id: string, userId: string): Promise<void> {
    if (!managesCentre(user, id)) throw ApiError.notFound(NO_CENTRE);
    await this.outbox.transaction(async (manager, emit) => {
      await this.lockCentre(manager, id);
      const account = await manager.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      const removed = account ? await manager.delete(CentreStaff, { centreId: id, userId }) : null;
      if (!account || !removed?.affected) throw ApiError.notFound();
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'user',
        entityId: account.id,
        action: 'centre-left',
        changes: { centreId: id },
      });
      await this.sessions.publish(manager, emit, account, 'centres-changed', { bump: true });
    });
  }

  /** Sets which centres a coordinator reads; its old tokens end (their `ctr` changes). */
  async setCoordinatorScope(
    user: AuthUser,
    userId: string,
    dto: CoordinatorScopeDto,
  ): Promise<CoordinatorScope> {
    return this.outbox.transaction(async (manager, emit) => {
      const account = await manager.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!account) throw ApiError.notFound();
      if (account.role !== 'coordinator') {
        throw ApiError.conflict(CentresErrors.NOT_A_COORDINATOR, {
          pl: 'Zakres ustawia się tylko kontu koordynatora',
          en: 'A scope is set only for a coordinator’s account',
        });
      }
      const saved = await saveCoordinatorScope(manager, userId, dto);
      const scope = manager.create(CoordinatorScope, {
        userId,
        voivodeship: saved.voivodeship,
        centreIds: saved.centreIds,
      });
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'user',
        entityId: userId,
        action: 'coordinator-scope-set',
        changes: { voivodeship: scope.voivodeship, centreIds: scope.centreIds },
      });
      await this.sessions.publish(manager, emit, account, 'centres-changed', { bump: true });
      return scope;
    });
  }

  private async lockCentre(manager: EntityManager, id: string): Promise<void> {
    const centre = await manager.findOne(Centre, {
      where: { id },
      lock: { mode: 'pessimistic_read' },
    });
    if (!centre) throw ApiError.notFound(NO_CENTRE);
  }
}
