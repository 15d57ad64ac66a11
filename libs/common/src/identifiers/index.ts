export { parsePesel, isValidPesel, peselCheckDigit } from './pesel.js';
export type { PeselData, PeselSex } from './pesel.js';
export { isValidNip, normalizeNip } from './nip.js';
export { isValidRegon } from './regon.js';
export { isValidKrs, normalizeKrs } from './krs.js';
export { isValidNrb, normalizeNrb, formatNrb } from './nrb.js';
export {
  IsPesel,
  IsNip,
  IsRegon,
  IsKrs,
  IsNrb,
  IsPeselConstraint,
  IsNipConstraint,
  IsRegonConstraint,
  IsKrsConstraint,
  IsNrbConstraint,
} from './decorators.js';
