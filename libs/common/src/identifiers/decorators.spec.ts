import { IsOptional, validateSync } from 'class-validator';
import { IsKrs, IsNip, IsNrb, IsPesel, IsRegon } from './decorators.js';

class MemberDto {
  @IsPesel()
  pesel!: unknown;

  @IsNip()
  nip!: unknown;

  @IsRegon()
  regon!: unknown;

  @IsKrs()
  krs!: unknown;

  @IsNrb({ message: 'custom account message' })
  account!: unknown;
}

class OptionalDto {
  @IsOptional()
  @IsPesel()
  pesel?: unknown;

  @IsNip({ each: true })
  nips!: unknown;
}

function make<T extends object>(cls: new () => T, values: Record<string, unknown>): T {
  return Object.assign(new cls(), values);
}

describe('identifier decorators', () => {
  const valid = {
    pesel: '44051401359',
    nip: '856-734-62-15',
    regon: '123456785',
    krs: '0000123456',
    account: '61 1090 1014 0000 0712 1981 2874',
  };

  it('pass valid identifiers', () => {
    expect(validateSync(make(MemberDto, valid))).toEqual([]);
  });

  it('report each invalid identifier under its constraint name', () => {
    const errors = validateSync(
      make(MemberDto, {
        pesel: '44051401358',
        nip: '8567346216',
        regon: '123456784',
        krs: '123',
        account: '61109010140000071219812875',
      }),
    );
    const byProperty = Object.fromEntries(errors.map((e) => [e.property, e.constraints]));
    expect(Object.keys(byProperty.pesel ?? {})).toEqual(['isPesel']);
    expect(Object.keys(byProperty.nip ?? {})).toEqual(['isNip']);
    expect(Object.keys(byProperty.regon ?? {})).toEqual(['isRegon']);
    expect(Object.keys(byProperty.krs ?? {})).toEqual(['isKrs']);
    expect(byProperty.account).toEqual({ isNrb: 'custom account message' });
    expect(byProperty.pesel?.isPesel).toBe('pesel must be a valid PESEL number');
  });

  it('reject non-string values', () => {
    const errors = validateSync(make(MemberDto, { ...valid, pesel: 44051401359 }));
    expect(errors.map((e) => e.property)).toEqual(['pesel']);
  });

  it('honour ValidationOptions such as each and work with IsOptional', () => {
    expect(validateSync(make(OptionalDto, { nips: ['8567346215', '5260181596'] }))).toEqual([]);
    const errors = validateSync(make(OptionalDto, { pesel: 'x', nips: ['8567346215', '1'] }));
    expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([
      ['pesel', ['isPesel']],
      ['nips', ['isNip']],
    ]);
  });
});
