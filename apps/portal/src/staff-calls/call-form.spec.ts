import { translator } from '../i18n/i18n.js';
import {
  applyRowAction,
  fieldOfPath,
  newCallPage,
  pageFromBody,
  parseDay,
  toCallDto,
  warsawMoment,
} from './call-form.js';

const t = translator('pl');

describe('the call form of the staff pages (docs/portal.md)', () => {
  it('turns Warsaw wall time into a moment with the offset in force then, winter and summer', () => {
    expect(warsawMoment({ day: '25', month: '1', year: '2027', time: '08:00' })).toBe(
      '2027-01-25T08:00:00+01:00',
    );
    expect(warsawMoment({ day: '1', month: '7', year: '2027', time: '16:30' })).toBe(
      '2027-07-01T16:30:00+02:00',
    );
    expect(warsawMoment({ day: '31', month: '2', year: '2027', time: '08:00' })).toBeUndefined();
    expect(warsawMoment({ day: '1', month: '2', year: '2027', time: '25:00' })).toBeUndefined();
  });

  it('reads a rate table’s day written the Polish way or as ISO', () => {
    expect(parseDay('1.03.2024')).toBe('2024-03-01');
    expect(parseDay('2024-03-01')).toBe('2024-03-01');
    expect(parseDay('30.02.2024')).toBeUndefined();
  });

  it('places the service’s problems on the rows they name, by the rows’ keys', () => {
    const page = newCallPage(['1462', '1419']);
    applyRowAction(page, 'add-criterion');
    applyRowAction(page, 'add-criterion');
    applyRowAction(page, 'remove-criterion-1');
    // rows now keyed 0 and 2: the service's criteria[1] is the row keyed 2
    expect(fieldOfPath(page, 'criteria[1].maxPoints')).toBe('c-2-maxPoints');
    expect(fieldOfPath(page, 'counties[1]')).toBe('k-1');
    expect(fieldOfPath(page, 'fundingModel.rates[0].maintenance.half')).toBe('r-0-half');
    expect(fieldOfPath(page, 'fundingModel.bridging.months')).toBe('bridgingMonths');
    expect(fieldOfPath(page, 'opensAt')).toBe('opens-day');
    expect(fieldOfPath(page, 'refundDueDays')).toBe('refundDueDays');
  });

  it('builds the service’s DTO from a posted form, and names what is not a number or an amount', () => {
    const page = pageFromBody({
      number: ' NAB/1/2027 ',
      title: 'Miejsca pracy',
      'opens-day': '25',
      'opens-month': '1',
      'opens-year': '2027',
      'opens-time': '08:00',
      'closes-day': '26',
      'closes-month': '2',
      'closes-year': '2027',
      'closes-time': '16:00',
      budget: '250 000,50',
      'k-0': '1462',
      'k-3': '',
      fundingKind: 'grant-bridging',
      grantCapPerJob: '21020',
      bridgingMonthlyCap: '2000',
      bridgingMonths: '6',
      extensionMonthlyCap: '1500',
      extensionMonths: 'sześć',
      'c-0-id': 'K1',
      'c-0-name': 'Biznesplan',
      'c-0-maxPoints': '20',
      'c-0-minPoints': '',
      passThresholdPercent: '65',
    });
    const { dto, problems } = toCallDto(page, t);
    expect(dto).toMatchObject({
      number: 'NAB/1/2027',
      opensAt: '2027-01-25T08:00:00+01:00',
      closesAt: '2027-02-26T16:00:00+01:00',
      budget: 25_000_050,
      counties: ['1462'],
      criteria: [{ id: 'K1', name: 'Biznesplan', maxPoints: 20 }],
      passThresholdPercent: 65,
      fundingModel: {
        kind: 'grant-bridging',
        grantCapPerJob: 2_102_000,
        bridging: { monthlyCap: 200_000, months: 6, extensionMonthlyCap: 150_000 },
      },
    });
    expect(problems).toEqual([{ field: 'extensionMonths', text: t('staffCalls.error.whole') }]);
  });
});
