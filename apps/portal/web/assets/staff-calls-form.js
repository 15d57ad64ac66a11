// The call form's rows without a reload: "Dodaj kryterium" and "Dodaj tabelę stawek" add a blank
// row from the page's <template>, "Usuń" removes its row (criteria, rate tables, counties), in
// place; the rows are sent with the next save. Without JavaScript the same buttons submit the
// form and the server does it. Rows keep their keys (field names `c-<key>-…`); legends and labels
// are renumbered; focus moves to the new row's first field, or after a removal to the list's
// heading, and a live region says what happened.
export function init(form) {
  const next = {
    criterion: Number(form.dataset.nextCriterion) || 0,
    rate: Number(form.dataset.nextRate) || 0,
  };
  const announce = form.querySelector('[data-owes-announce]');
  const say = (text) => {
    if (announce) announce.textContent = text;
  };
  const headings = {
    criterion: 'criteria-heading',
    rate: 'rates-heading',
    county: 'counties-heading',
  };

  // The row's name as its legend (or label) shows it, with its number.
  const titleOf = (row) => {
    const legend = row.querySelector('.govuk-fieldset__legend, .govuk-label');
    return legend ? legend.textContent.trim() : '';
  };
  const renumber = (kind) => {
    const rows = form.querySelectorAll(`[data-owes-rows="${kind}"] [data-owes-row="${kind}"]`);
    rows.forEach((row, i) => {
      const title = row.querySelector('.govuk-fieldset__legend, .govuk-label');
      if (title) title.textContent = title.textContent.replace(/\d+\s*$/, String(i + 1));
      const hidden = row.querySelector('[data-owes-remove] .govuk-visually-hidden');
      if (hidden && title) hidden.textContent = `: ${title.textContent.trim()}`;
    });
  };

  // Only the chosen funding model's settings show (both are on the page without JavaScript).
  const showFunding = () => {
    const chosen = form.querySelector('input[name="fundingKind"]:checked');
    for (const section of form.querySelectorAll('[data-owes-funding]')) {
      section.hidden = !!chosen && section.dataset.owesFunding !== chosen.value;
    }
  };
  form.addEventListener('change', (event) => {
    if (event.target.name === 'fundingKind') showFunding();
  });
  showFunding();

  form.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button || !form.contains(button)) return;
    const add = /^add-(criterion|rate)$/.exec(button.value || '');
    if (add) {
      const kind = add[1];
      const template = document.querySelector(`template[data-owes-template="${kind}"]`);
      const list = form.querySelector(`[data-owes-rows="${kind}"]`);
      if (!template || !list) return;
      event.preventDefault();
      const key = String(next[kind]++);
      const count = list.querySelectorAll(`[data-owes-row="${kind}"]`).length + 1;
      const holder = document.createElement('div');
      holder.innerHTML = template.innerHTML
        .replaceAll('__KEY__', key)
        .replaceAll('__N__', String(count));
      const row = holder.firstElementChild;
      if (kind === 'criterion') {
        const id = row.querySelector(`[name="c-${key}-id"]`);
        if (id) id.value = `K${count}`;
      }
      list.appendChild(row);
      renumber(kind);
      const first = row.querySelector('input:not([type="hidden"]), select');
      if (first) first.focus();
      say(form.dataset.added.replace('{name}', titleOf(row)));
      return;
    }
    if (button.hasAttribute('data-owes-remove')) {
      const row = button.closest('[data-owes-row]');
      if (!row) return;
      event.preventDefault();
      const kind = row.dataset.owesRow;
      const name = titleOf(row);
      row.remove();
      renumber(kind);
      const heading = document.getElementById(headings[kind]);
      if (heading) heading.focus();
      say(form.dataset.removed.replace('{name}', name));
    }
  });
}
