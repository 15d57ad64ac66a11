import {
  registerDecorator,
  ValidatorConstraint,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isValidKrs } from './krs.js';
import { isValidNip } from './nip.js';
import { isValidNrb } from './nrb.js';
import { isValidPesel } from './pesel.js';
import { isValidRegon } from './regon.js';

/**
 * class-validator decorators for the Polish identifiers. The constraint names (`isPesel`, …)
 * are part of the HTTP contract: the error layer maps them to Polish/English messages. The
 * default messages below are English fallbacks only.
 */

@ValidatorConstraint({ name: 'isPesel', async: false })
export class IsPeselConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isValidPesel(value);
  }
  defaultMessage(): string {
    return '$property must be a valid PESEL number';
  }
}

@ValidatorConstraint({ name: 'isNip', async: false })
export class IsNipConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isValidNip(value);
  }
  defaultMessage(): string {
    return '$property must be a valid NIP number';
  }
}

@ValidatorConstraint({ name: 'isRegon', async: false })
export class IsRegonConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isValidRegon(value);
  }
  defaultMessage(): string {
    return '$property must be a valid REGON number';
  }
}

@ValidatorConstraint({ name: 'isKrs', async: false })
export class IsKrsConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isValidKrs(value);
  }
  defaultMessage(): string {
    return '$property must be a valid KRS number (10 digits)';
  }
}

@ValidatorConstraint({ name: 'isNrb', async: false })
export class IsNrbConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isValidNrb(value);
  }
  defaultMessage(): string {
    return '$property must be a valid Polish bank account number (NRB)';
  }
}

function decorator(
  name: string,
  constraint: new () => ValidatorConstraintInterface,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      constraints: [],
      validator: constraint,
    });
  };
}

/** A valid PESEL (checksum and birth date). */
export function IsPesel(options?: ValidationOptions): PropertyDecorator {
  return decorator('isPesel', IsPeselConstraint, options);
}

/** A valid NIP, with or without dashes. */
export function IsNip(options?: ValidationOptions): PropertyDecorator {
  return decorator('isNip', IsNipConstraint, options);
}

/** A valid 9- or 14-digit REGON. */
export function IsRegon(options?: ValidationOptions): PropertyDecorator {
  return decorator('isRegon', IsRegonConstraint, options);
}

/** A KRS number: exactly 10 digits, not all zeros. */
export function IsKrs(options?: ValidationOptions): PropertyDecorator {
  return decorator('isKrs', IsKrsConstraint, options);
}

/** A valid NRB bank account number (spaces and a 'PL' prefix allowed). */
export function IsNrb(options?: ValidationOptions): PropertyDecorator {
  return decorator('isNrb', IsNrbConstraint, options);
}
