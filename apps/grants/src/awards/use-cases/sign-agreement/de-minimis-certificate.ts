import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiError, deMinimisCeiling, formatEur, formatPln } from '@app/common';
import type { GrantApplication } from '../../../applications/application.entity.js';
import { ExchangeRatesService } from '../../../exchange-rates/exchange-rates.service.js';
import { field } from '../../../shared/problems.js';
import type { Award, DeMinimisCertificate } from '../../award.entities.js';
import { AwardsErrors } from '../../awards.errors.js';

export interface DeMinimisCertificateInput {
  readonly application: GrantApplication;
  readonly award: Award;
  /** The signing day: the day the aid is granted. */
  readonly grantedOn: string;
  readonly number: string;
}

/**
 * The de minimis ceiling checked again on the day the aid is granted (the signing day) with the
 * aid the application declared, and the certificate that states it in PLN and EUR. A day with no
 * NBP rate in the table is a 409 the operator mends by adding the rate; a ceiling the aid would
 * pass is a 422 that states the figures.
 */
@Injectable()
export class DeMinimisCertificates {
  constructor(private readonly exchangeRates: ExchangeRatesService) {}

  async issue(
    manager: EntityManager,
    { application, award, grantedOn, number }: DeMinimisCertificateInput,
  ): Promise<DeMinimisCertificate> {
    const outcome = deMinimisCeiling({
      prior: application.deMinimis,
      requested: award.amount,
      onDate: grantedOn,
      rates: await this.exchangeRates.list(manager),
    });
    if (!outcome.ok) {
      const days = outcome.missingRateFor.join(', ');
      throw ApiError.conflict(AwardsErrors.EXCHANGE_RATE_MISSING, {
        pl: `Brak średniego kursu euro NBP obowiązującego w dniu ${days}: dodaj kurs z tabeli A NBP z tego dnia (lub ostatniego dnia przed nim, w którym ją ogłoszono)`,
        en: `No NBP average euro rate in force on ${days}: add the rate of NBP table A of that day (or of the last day before it on which one was published)`,
      });
    }
    const v = outcome.value;
    if (v.exceeded) {
      const rate = `${v.rate.plnPerEur.replace('.', ',')} zł (${v.rate.validFrom})`;
      throw ApiError.unprocessable(
        AwardsErrors.DE_MINIMIS_CEILING_EXCEEDED,
        {
          pl: `Pomoc de minimis przekroczyłaby pułap ${formatEur(v.ceilingEur)} w okresie ${v.windowFrom} – ${v.windowTo}: otrzymana wcześniej ${formatEur(v.priorEur)}, to wsparcie ${formatEur(v.requestedEur)} (kurs ${rate}); do wykorzystania pozostaje ${formatEur(v.leftEur)} (${formatPln(v.leftPln)})`,
          en: `The de minimis aid would exceed the ceiling of ${formatEur(v.ceilingEur, 'en')} in ${v.windowFrom} – ${v.windowTo}: received before ${formatEur(v.priorEur, 'en')}, this support ${formatEur(v.requestedEur, 'en')} (rate ${v.rate.plnPerEur} on ${v.rate.validFrom}); ${formatEur(v.leftEur, 'en')} (${formatPln(v.leftPln, 'en')}) is left`,
        },
        [
          field(
            'signedOn',
            'Przekroczony pułap pomocy de minimis',
            'The de minimis ceiling is exceeded',
          ),
        ],
      );
    }
    return {
      number,
      grantedOn,
      amountPln: award.amount,
      amountEur: v.requestedEur,
      rate: v.rate,
      regime: v.regime,
      ceilingEur: v.ceilingEur,
      windowFrom: v.windowFrom,
      windowTo: v.windowTo,
      priorEur: v.priorEur,
      totalEur: v.totalEur,
    };
  }
}
