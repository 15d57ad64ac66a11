import { toWarsawIso } from '@app/common';
import type { InitiativeGroup } from './initiative-group.entity.js';

/** An initiative group as the API shows it: moments in Warsaw time, the decision when made. */
export function groupView(g: InitiativeGroup) {
  return {
    id: g.id,
    centreId: g.centreId,
    state: g.state,
    name: g.name,
    plannedLegalForm: g.plannedLegalForm,
    counties: g.counties,
    form: g.form,
    submittedAt: g.submittedAt ? toWarsawIso(g.submittedAt) : null,
    decision: g.decidedAt
      ? { decision: g.state, reason: g.decisionReason, decidedAt: toWarsawIso(g.decidedAt) }
      : null,
    createdAt: toWarsawIso(g.createdAt),
    updatedAt: toWarsawIso(g.updatedAt),
  };
}
