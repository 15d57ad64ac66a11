export {
  assertGrosze,
  plnToGrosze,
  groszeToDecimalString,
  multiplyGrosze,
  groszeTransformer,
} from './grosze.js';
export { formatPln } from './format.js';
