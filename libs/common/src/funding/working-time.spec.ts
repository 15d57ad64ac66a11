import { DEFAULT_UNIT_RATES } from './funding-model.js';
import { isWorkingTime, maintenanceRateFor, workingTimeProblem } from './working-time.js';

describe('working time', () => {
  it('pays each working time its maintenance band, ¼ at the ½ rate', () => {
    expect(maintenanceRateFor(DEFAULT_UNIT_RATES, '1')).toBe(3_817_800);
    expect(maintenanceRateFor(DEFAULT_UNIT_RATES, '3/4')).toBe(2_863_400);
    expect(maintenanceRateFor(DEFAULT_UNIT_RATES, '1/2')).toBe(1_908_900);
    expect(maintenanceRateFor(DEFAULT_UNIT_RATES, '1/4')).toBe(1_908_900);
  });

  it('allows ¼ only for a severe or multiple disability', () => {
    expect(workingTimeProblem('1/4', true)).toBeNull();
    expect(workingTimeProblem('1/4', false)).toBe('quarterTimeRequiresSevereDisability');
    expect(workingTimeProblem('1/4', undefined)).toBe('quarterTimeRequiresSevereDisability');
    expect(workingTimeProblem('1/2', undefined)).toBeNull();
  });

  it('knows only the four working times', () => {
    expect(isWorkingTime('3/4')).toBe(true);
    expect(isWorkingTime('1/3')).toBe(false);
    expect(workingTimeProblem('1/3', true)).toBe('unknownWorkingTime');
    expect(workingTimeProblem(undefined, true)).toBe('required');
  });
});
