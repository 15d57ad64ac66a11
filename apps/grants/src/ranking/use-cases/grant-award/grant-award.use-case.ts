import { Injectable } from '@nestjs/common';
import { AuditService, Clock } from '@app/common';
import type { Call } from '../../../calls/call.entity.js';
import type { GrantApplication } from '../../../applications/application.entity.js';
import { Award } from '../../../awards/award.entities.js';
import type { Tx } from '../../../shared/tx.js';
import type { Decision } from '../../decision.entity.js';
import { decisionPayload } from '../../decision-payloads.js';

export interface GrantAwardInput {
  readonly call: Call;
  readonly application: GrantApplication;
  /** The funded decision the award carries out. */
  readonly decision: Decision;
  /** Funded after the appeal terms (from the reserve list), not by the approval itself. */
  readonly afterAppeal: boolean;
  /** Paid for by money an award given up freed. */
  readonly fromReserve?: boolean;
}

/** A funded decision becomes an award (`grants.award.granted` tells the applicant). */
@Injectable()
export class GrantAward {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async execute({ manager, emit }: Tx, input: GrantAwardInput): Promise<Award> {
    const { call, application, decision, afterAppeal, fromReserve = false } = input;
    const now = this.clock.now();
    const award = await manager.save(
      manager.create(Award, {
        decisionId: decision.id,
        applicationId: application.id,
        callId: call.id,
        reference: application.reference,
        applicant: application.applicant,
        applicantUserId: application.applicantUserId,
        applicantKind: application.applicantKind,
        county: application.county,
        amount: decision.amount,
        paidTotal: 0,
        status: 'granted',
        signedOn: null,
        security: null,
        deMinimisCertificateNumber: null,
        bridgingExtensionGranted: false,
        grantedAt: now,
        settledOn: null,
        givenUpAt: null,
        givenUpBy: null,
        givenUpReason: null,
        updatedAt: now,
      }),
    );
    await this.audit.record(manager, {
      entityType: 'award',
      entityId: award.id,
      action: 'granted',
      toState: 'granted',
      changes: { applicationId: application.id, amount: award.amount, afterAppeal, fromReserve },
    });
    await emit('grants.award.granted', {
      ...decisionPayload(call, application, decision, afterAppeal),
      awardId: award.id,
      rank: decision.rank ?? 1,
      amount: decision.amount,
      ...(fromReserve ? { fromReserve: true } : {}),
    });
    return award;
  }
}
