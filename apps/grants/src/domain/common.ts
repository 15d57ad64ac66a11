// The pure parts of libs/common the grants domain rules use (the one Warsaw date module),
// imported by path rather than through `@app/common`'s index so that the rules (and their unit
// tests) load no Nest or TypeORM code.
export {
  addCalendarDays,
  addMonths,
  assertIsoDate,
  calendarDaysBetween,
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
