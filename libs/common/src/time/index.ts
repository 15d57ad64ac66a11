export { Clock, SystemClock, ManualClock } from './clock.js';
export {
  WARSAW_TIME_ZONE,
  warsawDate,
  warsawYear,
  warsawOffsetMs,
  isIsoDate,
  parseIsoDate,
  isoWeekday,
  startOfWarsawDay,
  endOfWarsawDay,
  addCalendarDays,
  addMonths,
  lastDayOfMonth,
  calendarDaysBetween,
  toWarsawIso,
} from './warsaw.js';
export {
  isPublicHoliday,
  isWorkingDay,
  addWorkingDays,
  workingDaysBefore,
  workingDayTerm,
} from './working-days.js';
export type { WorkingDayTerm } from './working-days.js';
