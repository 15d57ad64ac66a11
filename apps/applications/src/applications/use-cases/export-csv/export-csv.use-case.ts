import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { countyByTeryt, formatPln, groszeToDecimalString, toCsv, toWarsawIso } from '@app/common';
import { CallReadModel } from '../../../calls/call.entity.js';
import type { ApplicantKind } from '../../../domain/grant-application.js';
import {
  Application,
  ApplicationVersion,
  type ApplicationState,
} from '../../application.entity.js';
import { CSV_COLUMNS, KIND_PL, STATE_PL } from './csv-labels.js';

export interface ExportCsvQuery {
  /** One call's applications; all calls' when absent. */
  readonly callId?: string;
  /** Only applications in this state. */
  readonly state?: ApplicationState;
  /** Part of the reference number or of the entity name, any case (as the list filters). */
  readonly q?: string;
}

/**
 * Submitted applications of a call (or all) as CSV in the exports' one format (`toCsv`: Polish
 * headers, UTF-8 with BOM, CRLF, formula-like text neutralised).
 */
@Injectable()
export class ExportCsvUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ callId, state, q }: ExportCsvQuery): Promise<string> {
    const qb = this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .innerJoin(CallReadModel, 'c', 'c.id = a.call_id')
      .select([
        'a.reference AS reference',
        'c.number AS call_number',
        'a.state AS state',
        'a.entity_name AS entity_name',
        'a.applicant_kind AS applicant_kind',
        'a.county AS county',
        `jsonb_array_length(COALESCE(v.form -> 'jobs', '[]'::jsonb)) AS jobs`,
        'a.requested_total AS requested_total',
        'a.submitted_at AS submitted_at',
        'a.submitted_version AS version',
      ])
      .leftJoin(
        ApplicationVersion,
        'v',
        'v.application_id = a.id AND v.version = a.submitted_version',
      )
      .where('a.reference IS NOT NULL')
      .orderBy('a.reference', 'ASC');
    if (callId) qb.andWhere('a.call_id = :callId', { callId });
    if (state) qb.andWhere('a.state = :state', { state });
    if (q) {
      const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(a.reference ILIKE :q OR a.entity_name ILIKE :q)', { q: pattern });
    }
    const rows: Record<string, any>[] = await qb.getRawMany();
    const records = rows.map((r) => {
      const total = r.requested_total === null ? null : Number(r.requested_total);
      return [
        r.reference,
        r.call_number,
        STATE_PL[r.state as ApplicationState] ?? r.state,
        r.entity_name ?? '',
        KIND_PL[r.applicant_kind as ApplicantKind] ?? '',
        r.county ?? '',
        r.county ? (countyByTeryt(r.county)?.name ?? '') : '',
        Number(r.jobs ?? 0),
        total === null ? '' : groszeToDecimalString(total).replace('.', ','),
        total === null ? '' : formatPln(total),
        r.submitted_at ? toWarsawIso(new Date(r.submitted_at)) : '',
        r.version,
      ];
    });
    return toCsv(CSV_COLUMNS, records);
  }
}
