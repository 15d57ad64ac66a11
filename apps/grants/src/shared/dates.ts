import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isIsoDate, isIsoMonth } from '../domain/index.js';

/** A real calendar day 'YYYY-MM-DD'. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIso8601',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'isIso8601', ...options },
      validator: { validate: (value: unknown) => isIsoDate(value) },
    });
}

/** A calendar month 'YYYY-MM'. */
export function IsCalendarMonth(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'matches',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'matches', ...options },
      validator: { validate: (value: unknown) => isIsoMonth(value) },
    });
}
