import type { EntityManager } from 'typeorm';
import { ApiError } from '@app/common';
import {
  ACTIVE_STATES,
  crossApplicationConflicts,
  type CrossApplication,
  type CrossApplicationConflict,
} from '../domain/cross-application.js';
import type { Application } from './application.entity.js';
import { ApplicationsErrors } from './applications.errors.js';

/**
 * Gathers what the rules across applications weigh for one application and applies them
 * (docs/product.md#rules-across-applications): the submitted versions (never the working copy) of
 * the active applications of its call, and of the applications of the programme's other calls
 * whose award is still granted. Staff only: nothing of it ever reaches an applicant.
 */
export async function crossApplicationConflictsOf(
  manager: EntityManager,
  application: Pick<Application, 'id' | 'reference' | 'state'>,
): Promise<CrossApplicationConflict[]> {
  if (!application.reference || !ACTIVE_STATES.includes(application.state)) return [];
  const rows: {
    id: string;
    reference: string;
    call_id: string;
    programme_id: string | null;
    max_jobs_per_entity: number;
    state: CrossApplication['state'];
    submitted_at: Date;
    award_status: CrossApplication['awardStatus'];
    form: unknown;
  }[] = await manager.query(
    `WITH subject AS (
       SELECT a.call_id, c.programme_id FROM applications.applications a
       JOIN applications.calls c ON c.id = a.call_id WHERE a.id = $1)
     SELECT a.id, a.reference, a.call_id, c.programme_id, c.max_jobs_per_entity, a.state,
            a.submitted_at, a.award_status,
            jsonb_build_object('applicant', v.form -> 'applicant', 'jobs', v.form -> 'jobs') AS form
     FROM subject s
     JOIN applications.applications a
       ON a.id = $1
       OR (a.call_id = s.call_id AND a.state = ANY($2::text[]))
       OR (s.programme_id IS NOT NULL AND a.call_id <> s.call_id AND a.award_status = 'granted')
     JOIN applications.calls c ON c.id = a.call_id
       AND (a.call_id = s.call_id OR c.programme_id = s.programme_id)
     JOIN applications.application_versions v
       ON v.application_id = a.id AND v.version = a.submitted_version
     WHERE a.reference IS NOT NULL AND a.submitted_at IS NOT NULL`,
    [application.id, ACTIVE_STATES],
  );
  const all = rows.map((r) => ({
    limit: r.max_jobs_per_entity,
    application: {
      id: r.id,
      reference: r.reference,
      callId: r.call_id,
      programmeId: r.programme_id,
      state: r.state,
      submittedAt: new Date(r.submitted_at),
      awardStatus: r.award_status,
      form: r.form,
    } satisfies CrossApplication,
  }));
  const subject = all.find((r) => r.application.id === application.id);
  if (!subject) return [];
  return crossApplicationConflicts(
    subject.application,
    all.filter((r) => r !== subject).map((r) => r.application),
    subject.limit,
  );
}

/** The conflicts as the staff read them, each with a link to the applications it is with. */
export function conflictsView(conflicts: CrossApplicationConflict[]) {
  return conflicts.map((c) => ({
    rule: c.rule,
    path: c.path,
    message: c.message,
    ...(c.jobs !== undefined ? { jobs: c.jobs, limit: c.limit } : {}),
    conflictsWith: c.conflictsWith.map((w) => ({
      applicationId: w.applicationId,
      reference: w.reference,
      href: `/api/applications/${w.applicationId}`,
      callId: w.callId,
      scope: w.scope,
      ...(w.jobs !== undefined ? { jobs: w.jobs } : {}),
      ...(w.path !== undefined ? { path: w.path } : {}),
    })),
  }));
}

/** Formal acceptance refused while the application conflicts with others (409). */
export function crossApplicationConflictError(conflicts: CrossApplicationConflict[]): ApiError {
  return ApiError.of(
    ApplicationsErrors.CROSS_APPLICATION_CONFLICT,
    {
      pl: 'Wniosku nie można przyjąć formalnie: pozostaje w konflikcie z innymi wnioskami (limit miejsc pracy na jeden podmiot lub ta sama osoba w dwóch miejscach pracy). Konflikt ustaje po wycofaniu lub odrzuceniu tamtego wniosku albo po poprawieniu tego (wezwanie do uzupełnienia); wniosek można też odrzucić.',
      en: 'The application cannot be formally accepted: it conflicts with other applications (the limit of jobs per entity, or the same person in two jobs). The conflict ends when the other application is withdrawn or rejected, or this one is corrected (request corrections); it may also be rejected.',
    },
    conflicts.map((c) => ({ path: `form.${c.path}`, message: c.message })),
  );
}
