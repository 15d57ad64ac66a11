// The scoring card, improved (it works without it): the total of the points typed so far is
// updated as they are typed (whole numbers within each criterion's range count; the server
// computes the same total when the card is saved). Saving while typing is autosave.js's.
export function init(form) {
  const total = form.querySelector('[data-owes-total]');
  const inputs = [...form.querySelectorAll('[data-owes-points]')];
  if (!total || inputs.length === 0) return;
  const update = () => {
    let sum = 0;
    for (const input of inputs) {
      const value = input.value.trim();
      const max = Number(input.dataset.max);
      if (/^\d{1,4}$/.test(value) && Number(value) <= max) sum += Number(value);
    }
    total.textContent = String(sum);
  };
  form.addEventListener('input', (event) => {
    if (event.target.matches('[data-owes-points]')) update();
  });
  update();
}
