// The "Print" button of a printable page (application-status/print.njk): shown only with
// JavaScript, it opens the browser's print dialog. Without JavaScript the page prints as it is.
export function init(element) {
  const button = element.querySelector('button');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
