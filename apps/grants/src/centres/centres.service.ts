import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiError, type AuthUser, type FieldProblem } from '@app/common';
import { field, invalid } from '../shared/problems.js';
import { Centre } from './centre.entity.js';

const NO_SUCH_CENTRE = { pl: 'Nie ma takiego ośrodka', en: 'No such centre' };

/** Which centre a new programme or call belongs to, and what that centre allows. */
@Injectable()
export class CentresService {
  /**
   * The centre a caller creates something in: the one named (`centreId`), which must be one of
   * the caller's centres — another centre is invisible under the row-level policy, hence 404 —
   * (a platform administrator may name any existing centre); or, when none is named, the
   * caller's only centre (400 asking to choose when there are several or none).
   */
  async forCreation(
    manager: EntityManager,
    user: AuthUser,
    centreId: string | undefined,
  ): Promise<Centre> {
    let id = centreId?.toLowerCase();
    if (id === undefined) {
      if (user.centres.length !== 1) {
        throw invalid([
          field(
            'centreId',
            'Wybierz ośrodek (centreId): masz dostęp do kilku ośrodków',
            'Choose the centre (centreId): you work for several or none',
          ),
        ]);
      }
      id = user.centres[0]!;
    } else if (!user.roles.includes('platform-admin') && !user.centres.includes(id)) {
      throw ApiError.notFound(NO_SUCH_CENTRE);
    }
    const centre = await this.get(manager, id);
    // An inactive centre keeps its records but starts nothing new (docs/tenancy.md#centres).
    if (!centre.active) {
      throw invalid([
        field(
          'centreId',
          'Ośrodek jest nieaktywny: nie tworzy nowych programów ani naborów',
          'The centre is inactive: it starts no new programmes or calls',
        ),
      ]);
    }
    return centre;
  }

  /** Problems of `counties` (at `path[i]`) outside the centre's counties, when it has any. */
  countyProblems(centre: Centre, counties: readonly string[], path = 'counties'): FieldProblem[] {
    if (centre.counties.length === 0) return [];
    return counties.flatMap((code, i) =>
      centre.counties.includes(code)
        ? []
        : [
            field(
              `${path}[${i}]`,
              'Powiat spoza obszaru ośrodka',
              "County outside the centre's area",
            ),
          ],
    );
  }

  /** The centre of `id` as the caller's scope lets it be seen, or 404. */
  async get(manager: EntityManager, id: string): Promise<Centre> {
    const centre = await manager.findOne(Centre, { where: { id } });
    if (!centre) throw ApiError.notFound(NO_SUCH_CENTRE);
    return centre;
  }
}
