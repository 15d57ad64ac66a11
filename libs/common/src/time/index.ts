export { Clock, SystemClock, ManualClock } from './clock.js';
export {
  WARSAW_TIME_ZONE,
  warsawDate,
  warsawYear,
  warsawOffsetMs,
  isIsoDate,
  isIsoMonth,
  assertIsoDate,
  parseIsoDate,
  daysInMonth,
  toDayNumber,
  fromDayNumber,
  isoWeekday,
  startOfWarsawDay,
  endOfWarsawDay,
  addCalendarDays,
  addMonths,
  firstDayOfMonth,
  lastDayOfMonth,
  monthOf,
  nextMonth,
  monthsBetween,
  minDate,
  maxDate,
  calendarDaysBetween,
  toWarsawIso,
} from './warsaw.js';
// The `IsoDate` / `IsoMonth` string types are imported from './warsaw.js' by path: in
// '@app/common', `IsoDate` is the event contracts' schema of a calendar day.
export {
  isPublicHoliday,
  isWorkingDay,
  addWorkingDays,
  workingDaysBefore,
  workingDayTerm,
} from './working-days.js';
export type { WorkingDayTerm } from './working-days.js';
