import { DEFAULT_CENTRE_ID } from '@app/common';
import type { CentreInput } from '../../apps/applications/src/centres/centres.store.js';
import type { DemoProgramme } from '../../apps/grants/src/demo/seed.js';
import { DEMO_COUNTIES } from '../../apps/grants/src/demo/seed.js';

/**
 * The centres of the demo (docs/product.md#demo-data): OWES Płock (centre no. 1, with the demo
 * call), Mazovia's subregion 1 beside it, and Lubuskie's two centres, Zielona Góra and Gorzów.
 * Areas as the accreditations describe them; the money and targets other than OWES Płock's are
 * illustrative figures of the demo (subregion 1's 2022 money is the published PLN 423,886.33).
 */
export interface DemoCentre {
  key: 'plock' | 'sub1' | 'zielona-gora' | 'gorzow';
  centre: CentreInput & { id?: string };
  /** Programmes of the centre other than OWES Płock's demo programme (made by the grants seed). */
  programmes: Omit<DemoProgramme, 'centreId'>[];
}

/** Mazovia's subregion 1: Warsaw; warszawsko-zachodni; warszawsko-wschodni; żyrardowski. */
const SUBREGION_1 = [
  '1465',
  '1421',
  '1418',
  '1405',
  '1432',
  '1408',
  '1434',
  '1412',
  '1417',
  '1428',
  '1438',
  '1406',
];
/** Lubuskie: Zielona Góra's and Gorzów's areas. */
const ZIELONA_GORA = ['0802', '0804', '0808', '0812', '0809', '0862', '0810', '0811'];
const GORZOW = ['0801', '0861', '0803', '0805', '0806', '0807'];

const PLOCK_SENDER = { senderName: 'OWES Płock', senderEmail: 'nabory@owes-plock.demo' };

export const DEMO_CENTRES: DemoCentre[] = [
  {
    key: 'plock',
    centre: {
      id: DEFAULT_CENTRE_ID,
      name: 'Ośrodek Wsparcia Ekonomii Społecznej w Płocku',
      accreditationNumber: 'AKCES/OWES/14/2023/01',
      voivodeship: '14',
      counties: DEMO_COUNTIES,
      address: 'ul. Tumska 5, 09-402 Płock',
      contactEmail: 'biuro@owes-plock.demo',
      contactPhone: '+48 24 000 00 01',
      ...PLOCK_SENDER,
      signature: 'Zespół Ośrodka Wsparcia Ekonomii Społecznej w Płocku',
      operatorsMailbox: ['biuro@owes-plock.demo'],
    },
    programmes: [],
  },
  {
    key: 'sub1',
    centre: {
      name: 'Ośrodek Wsparcia Ekonomii Społecznej Subregionu 1 (Warszawa i okolice)',
      accreditationNumber: 'AKCES/OWES/14/2023/02',
      voivodeship: '14',
      counties: SUBREGION_1,
      address: 'ul. Mokotowska 1, 00-640 Warszawa',
      contactEmail: 'biuro@owes-sub1.demo',
      contactPhone: '+48 22 000 00 02',
      senderName: 'OWES Subregionu 1',
      senderEmail: 'nabory@owes-sub1.demo',
      signature: 'Zespół Ośrodka Wsparcia Ekonomii Społecznej Subregionu 1',
      operatorsMailbox: ['biuro@owes-sub1.demo'],
    },
    programmes: [
      {
        name: 'OWES Subregion 1 — program wieloletni',
        counties: SUBREGION_1,
        yearlyBudgets: [{ year: 2022, amount: 42_388_633 }],
        targets: {
          groupsSupported: 30,
          enterprisesStrengthened: 20,
          enterprisesCreated: 12,
          jobsCreated: 90,
          peopleSupported: 600,
        },
      },
    ],
  },
  {
    key: 'zielona-gora',
    centre: {
      name: 'Ośrodek Wsparcia Ekonomii Społecznej w Zielonej Górze',
      accreditationNumber: 'AKCES/OWES/08/2023/01',
      voivodeship: '08',
      counties: ZIELONA_GORA,
      address: 'ul. Bohaterów Westerplatte 1, 65-001 Zielona Góra',
      contactEmail: 'biuro@owes-zielonagora.demo',
      contactPhone: '+48 68 000 00 03',
      senderName: 'OWES Zielona Góra',
      senderEmail: 'nabory@owes-zielonagora.demo',
      signature: 'Zespół Ośrodka Wsparcia Ekonomii Społecznej w Zielonej Górze',
      operatorsMailbox: ['biuro@owes-zielonagora.demo'],
    },
    programmes: [
      {
        name: 'OWES Zielona Góra — Lubuskie 2023–2029',
        counties: ZIELONA_GORA,
        yearlyBudgets: [{ year: 2027, amount: 180_000_000 }],
        targets: {
          groupsSupported: 16,
          enterprisesStrengthened: 10,
          enterprisesCreated: 6,
          jobsCreated: 45,
        },
      },
    ],
  },
  {
    key: 'gorzow',
    centre: {
      name: 'Ośrodek Wsparcia Ekonomii Społecznej w Gorzowie Wielkopolskim',
      accreditationNumber: 'AKCES/OWES/08/2023/02',
      voivodeship: '08',
      counties: GORZOW,
      address: 'ul. Sikorskiego 1, 66-400 Gorzów Wielkopolski',
      contactEmail: 'biuro@owes-gorzow.demo',
      contactPhone: '+48 95 000 00 04',
      senderName: 'OWES Gorzów Wielkopolski',
      senderEmail: 'nabory@owes-gorzow.demo',
      signature: 'Zespół Ośrodka Wsparcia Ekonomii Społecznej w Gorzowie Wielkopolskim',
      operatorsMailbox: ['biuro@owes-gorzow.demo'],
    },
    programmes: [
      {
        name: 'OWES Gorzów — Lubuskie 2023–2029',
        counties: GORZOW,
        yearlyBudgets: [{ year: 2027, amount: 150_000_000 }],
        targets: {
          groupsSupported: 12,
          enterprisesStrengthened: 8,
          enterprisesCreated: 5,
          jobsCreated: 36,
        },
      },
    ],
  },
];
