import { IsInt, IsString, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';
import { flattenValidationErrors } from './validation.js';

class ReasonDto {
  @IsString()
  @MinLength(3)
  @MaxLength(20)
  reason!: unknown;

  @IsInt()
  @Min(1)
  @Max(60)
  months!: unknown;
}

function problems(values: Record<string, unknown>) {
  const dto = Object.assign(new ReasonDto(), values);
  return flattenValidationErrors(validateSync(dto)).map((p) => [p.path, p.message.pl]);
}

describe('validation problems: one clear message per field', () => {
  it('names the wrong type alone, not the range or length rules a wrong type also breaks', () => {
    expect(problems({ reason: 5, months: '3' })).toEqual([
      ['reason', 'Wartość musi być tekstem'],
      ['months', 'Wartość musi być liczbą całkowitą'],
    ]);
  });

  it('names a missing field once', () => {
    expect(problems({ months: 3 })).toEqual([['reason', 'Pole jest wymagane']]);
  });

  it('names the rules a value of the right type breaks', () => {
    const found = problems({ reason: 'ab', months: 61 });
    expect(found.map(([path]) => path)).toEqual(['reason', 'months']);
    expect(found[0]![1]).toMatch(/co najmniej 3/);
    expect(found[1]![1]).toMatch(/60/);
  });
});
