import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ApiError,
  Clock,
  OutboxService,
  validationFailed,
  type AuthUser,
  AuditService,
  isStaff,
} from '@app/common';
import { CentreAreaService } from '../centre/centre-area.service.js';
import { CentresErrors } from '../centres/centres.errors.js';
import { ApplicationsEnv } from '../config/applications.env.js';
import { groupComposition, groupProblems, type LegalForm } from '../domain/initiative-group.js';
import {
  groupDecisionAction,
  groupSubmitAction,
  isGroupEditable,
} from '../domain/initiative-group-lifecycle.js';
import { field, text } from '../domain/problems.js';
import { fieldProblems, formProblems, mergeProblems } from '../forms/form-validation.js';
import { FORM_INVALID, type Page } from '../shared/access.js';
import { recipientOf } from '../shared/recipients.js';
import { InitiativeGroup } from './initiative-group.entity.js';
import { InitiativeGroupsErrors } from './initiative-groups.errors.js';
import {
  InitiativeGroupFormDto,
  type GroupDecisionDto,
  type ListGroupsQuery,
} from './initiative-group.dto.js';

const NO_SUCH_CENTRE = {
  pl: 'Nie ma takiego aktywnego ośrodka',
  en: 'No such active centre',
};
const CHOOSE_CENTRE = {
  pl: 'Wskaż ośrodek (centreId): nie da się go wybrać po powiecie pierwszego członka grupy',
  en: 'Choose the centre (centreId): it cannot be told from the first member’s county',
};

const NOT_FOUND = { pl: 'Nie ma takiej grupy inicjatywnej', en: 'No such initiative group' };

@Injectable()
export class InitiativeGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly centre: CentreAreaService,
    private readonly env: ApplicationsEnv,
    private readonly clock: Clock,
  ) {}

  /** A group the caller may see; another applicant's id answers 404, never 403. */
  private async visible(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    lock = false,
  ): Promise<InitiativeGroup> {
    const group = await manager.findOne(InitiativeGroup, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!group || (!isStaff(user) && group.leaderId !== user.id))
      throw ApiError.notFound(NOT_FOUND);
    return group;
  }

  private async assertDraftTypes(form: Record<string, unknown>): Promise<void> {
    const problems = await formProblems(InitiativeGroupFormDto, form, 'draft');
    if (problems.length > 0) throw validationFailed(problems);
  }

  /**
   * The centre a new group enrols with (docs/tenancy.md): the one named, when active; else the only
   * active centre; else the active centre whose area (CentreAreaService) holds the first member's
   * county.
   */
  private async centreOf(
    manager: EntityManager,
    form: Record<string, unknown>,
    named: string | undefined,
  ): Promise<string> {
    const active: { id: string; counties: string[] }[] = await manager.query(
      `SELECT id, counties FROM applications.centres WHERE active ORDER BY number`,
    );
    if (named) {
      if (active.some((c) => c.id === named)) return named;
      throw ApiError.badRequest(CentresErrors.CENTRE_UNKNOWN, NO_SUCH_CENTRE, [
        { path: 'centreId', message: NO_SUCH_CENTRE },
      ]);
    }
    if (active.length === 1) return active[0].id;
    const members = field(form, 'members');
    const county = Array.isArray(members) ? text(field(members[0], 'county')) : undefined;
    // By each centre's area as the area rule reads it (centre no. 1 keeps its old default).
    const matching: { id: string }[] = [];
    for (const c of county ? active : []) {
      if ((await this.centre.counties(manager, c.id)).includes(county!)) matching.push(c);
    }
    if (matching.length === 1) return matching[0].id;
    throw ApiError.badRequest(CentresErrors.CENTRE_UNKNOWN, CHOOSE_CENTRE, [
      { path: 'centreId', message: CHOOSE_CENTRE },
    ]);
  }

  async create(
    user: AuthUser,
    form: Record<string, unknown>,
    centreId?: string,
  ): Promise<InitiativeGroup> {
    await this.assertDraftTypes(form);
    return this.outbox.transaction(async (manager) => {
      const now = this.clock.now();
      const centre = await this.centreOf(manager, form, centreId);
      const group = await manager.save(
        manager.create(InitiativeGroup, {
          centreId: centre,
          leaderId: user.id,
          state: 'draft',
          name: text(field(form, 'name')) ?? null,
          plannedLegalForm: text(field(form, 'plannedLegalForm')) ?? null,
          form,
          counties: [],
          submittedAt: null,
          decidedAt: null,
          decidedBy: null,
          decisionReason: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'initiative-group',
        entityId: group.id,
        action: 'created',
        toState: 'draft',
      });
      return group;
    });
  }

  get(user: AuthUser, id: string): Promise<InitiativeGroup> {
    return this.visible(this.dataSource.manager, user, id);
  }

  async list(user: AuthUser, query: ListGroupsQuery): Promise<Page<InitiativeGroup>> {
    const qb = this.dataSource.getRepository(InitiativeGroup).createQueryBuilder('g');
    if (!isStaff(user)) qb.andWhere('g.leader_id = :me', { me: user.id });
    if (query.state) qb.andWhere('g.state = :state', { state: query.state });
    const [items, total] = await qb
      .orderBy('g.created_at', 'DESC')
      .addOrderBy('g.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async updateDraft(
    user: AuthUser,
    id: string,
    form: Record<string, unknown>,
  ): Promise<InitiativeGroup> {
    await this.assertDraftTypes(form);
    return this.outbox.transaction(async (manager) => {
      const group = await this.visible(manager, user, id, true);
      if (group.leaderId !== user.id) throw ApiError.notFound(NOT_FOUND);
      if (!isGroupEditable(group.state)) {
        throw ApiError.conflict(InitiativeGroupsErrors.NOT_A_DRAFT, {
          pl: 'Zgłoszenia grupy po złożeniu nie można zmieniać',
          en: 'A submitted group cannot be changed',
        });
      }
      group.form = form;
      group.name = text(field(form, 'name')) ?? null;
      group.plannedLegalForm = text(field(form, 'plannedLegalForm')) ?? null;
      group.updatedAt = this.clock.now();
      return manager.save(group);
    });
  }

  /** Submits the draft after checking everything; idempotent. */
  async submit(user: AuthUser, id: string): Promise<InitiativeGroup> {
    return this.outbox.transaction(async (manager, emit) => {
      const group = await this.visible(manager, user, id, true);
      if (group.leaderId !== user.id) throw ApiError.notFound(NOT_FOUND);
      const action = groupSubmitAction(group.state);
      if (action === 'repeat') return group;
      if (action === 'refuse') {
        throw ApiError.conflict(InitiativeGroupsErrors.NOT_A_DRAFT, {
          pl: 'Tego zgłoszenia nie można złożyć w obecnym stanie',
          en: 'This group cannot be submitted in its current state',
        });
      }
      const rules = {
        minNaturalPersons: this.env.GROUP_MIN_NATURAL_PERSONS,
        minLegalPersons: this.env.GROUP_MIN_LEGAL_PERSONS,
        centreCounties: await this.centre.counties(manager, group.centreId),
      };
      const problems = mergeProblems(
        await formProblems(InitiativeGroupFormDto, group.form, 'submit'),
        fieldProblems(groupProblems(group.form, rules)),
      );
      if (problems.length > 0)
        throw ApiError.unprocessable(InitiativeGroupsErrors.FORM_INVALID, FORM_INVALID, problems);

      const now = this.clock.now();
      const composition = groupComposition(group.form);
      group.state = 'submitted';
      group.submittedAt = now;
      group.counties = composition.counties;
      group.updatedAt = now;
      await manager.save(group);
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'initiative-group',
        entityId: group.id,
        action: 'submitted',
        fromState: 'draft',
        toState: 'submitted',
      });
      await emit('applications.group.submitted', {
        centreId: group.centreId,
        groupId: group.id,
        name: group.name ?? '',
        plannedLegalForm: group.plannedLegalForm as LegalForm,
        naturalPersons: composition.naturalPersons,
        legalPersons: composition.legalPersons,
        plannedJobs: Number(field(group.form, 'plannedJobs')),
        counties: composition.counties,
        submittedAt: now.toISOString(),
        leader: await recipientOf(manager, group.leaderId),
      });
      return group;
    });
  }

  /** The recruitment committee's decision, recorded by an operator. */
  async decide(user: AuthUser, id: string, dto: GroupDecisionDto): Promise<InitiativeGroup> {
    return this.outbox.transaction(async (manager, emit) => {
      const group = await this.visible(manager, user, id, true);
      const action = groupDecisionAction(group, dto);
      if (action === 'repeat') return group;
      if (action === 'refuse') {
        throw ApiError.conflict(InitiativeGroupsErrors.NOT_SUBMITTED, {
          pl: 'Decyzję można podjąć tylko dla złożonego zgłoszenia, o którym jeszcze nie zdecydowano',
          en: 'A decision can be made only on a submitted group not yet decided',
        });
      }
      const now = this.clock.now();
      group.state = dto.decision;
      group.decidedAt = now;
      group.decidedBy = user.id;
      group.decisionReason = dto.reason;
      group.updatedAt = now;
      await manager.save(group);
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'initiative-group',
        entityId: group.id,
        action: dto.decision,
        fromState: 'submitted',
        toState: dto.decision,
        changes: { reason: dto.reason },
      });
      await emit(
        dto.decision === 'qualified'
          ? 'applications.group.qualified'
          : 'applications.group.rejected',
        {
          centreId: group.centreId,
          groupId: group.id,
          name: group.name ?? '',
          decision: dto.decision,
          reason: dto.reason,
          decidedAt: now.toISOString(),
          leader: await recipientOf(manager, group.leaderId),
        },
      );
      return group;
    });
  }
}
