import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_FUNDING_MODEL,
  addWorkingDays,
  createEvent,
  insertOutboxEvent,
  endOfWarsawDay,
  startOfWarsawDay,
  warsawDate,
  AuditEntry,
} from '@app/common';
import { Call } from '../calls/call.entity.js';
import { CALL_DEFAULTS, callPublishedPayload } from '../calls/calls.service.js';
import { CallEvaluator } from '../evaluation/evaluation.entities.js';
import { Programme } from '../programmes/programme.entity.js';

export interface DemoEvaluator {
  userId: string;
  email: string;
  name: string;
  language?: 'pl' | 'en';
  /** Named chair of the evaluation committee for the demo call (one of them). */
  chair?: boolean;
}

/** A centre's programme in the demo (docs/product.md#demo-data). */
export interface DemoProgramme {
  centreId: string;
  name: string;
  counties: string[];
  yearlyBudgets: { year: number; amount: number }[];
  targets: Programme['targets'];
}

export interface DemoSeedInput {
  /** "Now" (the CLI passes new Date()); the call opens today and closes in 20 working days. */
  now: Date;
  /** OWES Płock's centre: its programme and the demo call belong to it. */
  centreId: string;
  /** The other centres' programmes (no calls): figures for the coordinators to read. */
  otherProgrammes?: DemoProgramme[];
  /** The operator account (created in applications by the CLI) recorded as the call's author. */
  operatorId: string;
  /** The three evaluator accounts (created in applications by the CLI). */
  evaluators: DemoEvaluator[];
}

export interface DemoSeedResult {
  programmeId: string;
  callId: string;
  callNumber: string;
  /** False when the demo data was already there (the seed is idempotent). */
  created: boolean;
}

export const DEMO_PROGRAMME_NAME = 'OWES Płock (demo)';
export const DEMO_COUNTIES = ['1462', '1419', '1427', '1404'];
/** OWES Płock's targets (docs/product.md#demo-data). */
export const DEMO_TARGETS: Programme['targets'] = {
  groupsSupported: 20,
  enterprisesStrengthened: 14,
  enterprisesCreated: 8,
  jobsCreated: 60,
  peopleSupported: 400,
  organisationsSupported: 12,
  jointVentures: 24,
};

export const DEMO_CRITERIA = [
  { id: 'K1', name: 'Spójność i realność biznesplanu', maxPoints: 30, minPoints: 12 },
  { id: 'K2', name: 'Analiza rynku i konkurencji', maxPoints: 20 },
  { id: 'K3', name: 'Zasoby, kwalifikacje i doświadczenie', maxPoints: 20 },
  { id: 'K4', name: 'Trwałość miejsc pracy i przedsiębiorstwa', maxPoints: 20 },
  { id: 'K5', name: 'Efekt społeczny i reintegracja', maxPoints: 10 },
];

/**
 * The demo data (docs/product.md#demo-data) in the grants schema: OWES Płock's programme (its four
 * counties; targets 20 groups, 14 PS strengthened, 8 new PS, 60 jobs, 400 people), an open call
 * under the unit-rate model with five criteria, published (its `grants.call.published` goes out
 * through the outbox when the grants service runs, so applications accepts drafts for it), and the
 * evaluator pool with its chair. `dataSource` is the grants service's (schema-pinned) DataSource
 * with GRANTS_ENTITIES. Running it again changes nothing.
 */
export async function seedDemo(
  dataSource: DataSource,
  input: DemoSeedInput,
): Promise<DemoSeedResult> {
  if (input.evaluators.filter((e) => e.chair).length > 1) throw new RangeError('At most one chair');
  return dataSource.transaction(async (manager) => {
    const year = Number(warsawDate(input.now).slice(0, 4));
    const callNumber = `NAB/DEMO/${year}`;
    for (const other of input.otherProgrammes ?? []) {
      const found = await manager.findOne(Programme, {
        where: { centreId: other.centreId, name: other.name },
      });
      if (!found)
        await manager.save(
          manager.create(Programme, { ...other, createdAt: input.now, updatedAt: input.now }),
        );
    }
    const existing = await manager.findOne(Programme, {
      where: { centreId: input.centreId, name: DEMO_PROGRAMME_NAME },
    });
    if (existing) {
      const call = await manager.findOne(Call, { where: { programmeId: existing.id } });
      if (call)
        return {
          programmeId: existing.id,
          callId: call.id,
          callNumber: call.number,
          created: false,
        };
    }
    const now = input.now;
    const programme =
      existing ??
      (await manager.save(
        manager.create(Programme, {
          centreId: input.centreId,
          name: DEMO_PROGRAMME_NAME,
          counties: DEMO_COUNTIES,
          yearlyBudgets: [{ year, amount: 42_388_633 }],
          targets: DEMO_TARGETS,
          createdAt: now,
          updatedAt: now,
        }),
      ));
    const today = warsawDate(now);
    const call = manager.create(Call, {
      centreId: input.centreId,
      number: callNumber,
      title:
        'Nabór wniosków o przyznanie wsparcia finansowego na utworzenie miejsc pracy w przedsiębiorstwach społecznych',
      opensAt: startOfWarsawDay(today),
      closesAt: new Date(endOfWarsawDay(addWorkingDays(today, 20)).getTime() - 8 * 3_600_000 + 1),
      budget: 42_388_633,
      counties: DEMO_COUNTIES,
      fundingModel: DEFAULT_FUNDING_MODEL,
      criteria: DEMO_CRITERIA,
      ...CALL_DEFAULTS,
      programmeId: programme.id,
      status: 'published',
      publishedAt: now,
      createdBy: input.operatorId,
      createdAt: now,
      updatedAt: now,
      rulesLockedAt: null,
      rankingApprovedAt: null,
      rankingApprovedBy: null,
      rankingVersion: 0,
      appealsSettledAt: null,
    });
    await manager.save(call);
    for (const e of input.evaluators) {
      await manager.save(
        manager.create(CallEvaluator, {
          callId: call.id,
          userId: e.userId,
          email: e.email,
          name: e.name,
          language: e.language ?? 'pl',
          trainerOrAdviser: false,
          chair: e.chair === true,
          addedAt: now,
        }),
      );
    }
    await manager.insert(AuditEntry, {
      at: now,
      actorId: input.operatorId,
      entityType: 'call',
      entityId: call.id,
      action: 'demo-seeded',
      fromState: null,
      toState: 'published',
      changes: { programmeId: programme.id, evaluators: input.evaluators.length },
      correlationId: null,
    });
    const envelope = createEvent('grants.call.published', callPublishedPayload(call, now), {
      correlationId: randomUUID(),
      occurredAt: now,
    });
    await insertOutboxEvent(manager, envelope);
    return { programmeId: programme.id, callId: call.id, callNumber, created: true };
  });
}
