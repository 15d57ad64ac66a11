export {
  isGrosze,
  assertGrosze,
  sumGrosze,
  plnToGrosze,
  groszeToDecimalString,
  multiplyGrosze,
  groszeTransformer,
  type Grosze,
} from './grosze.js';
export { formatPln } from './format.js';
