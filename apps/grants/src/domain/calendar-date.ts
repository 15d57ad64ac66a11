// Moved to libs/common/src/time; this file only re-exports until its importers are updated.
// (By path, not through '@app/common', so the domain rules and their specs load no Nest code.)
// `addDays` and `daysBetween` are `addCalendarDays` and `calendarDaysBetween` there.
export {
  addCalendarDays as addDays,
  addMonths,
  assertIsoDate,
  calendarDaysBetween as daysBetween,
  daysInMonth,
  firstDayOfMonth,
  fromDayNumber,
  isIsoDate,
  isIsoMonth,
  lastDayOfMonth,
  maxDate,
  minDate,
  monthOf,
  monthsBetween,
  nextMonth,
  toDayNumber,
  type IsoDate,
  type IsoMonth,
} from '../../../../libs/common/src/time/warsaw.js';
