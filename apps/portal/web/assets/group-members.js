// The initiative group form's member rows without a reload: "Dodaj osobę fizyczną/prawną" adds a
// blank row from the page's <template>, "Usuń" removes its row, in place; the rows are sent with
// the next save. Without JavaScript the same buttons submit the form and the server does it.
// Rows keep their keys (field names `m-<key>-…`); legends are renumbered; focus moves to the new
// row's first field or to the section's heading, and a live region says what happened.
export function init(form) {
  let nextKey = Number(form.dataset.nextKey) || 0;
  const announce = form.querySelector('[data-owes-announce]');
  const say = (text) => {
    if (announce) announce.textContent = text;
  };
  const legendOf = (kind, n) =>
    (kind === 'legal' ? form.dataset.legendLegal : form.dataset.legendNatural).replace('{n}', n);

  const renumber = (kind) => {
    const rows = form.querySelectorAll(`[data-owes-members="${kind}"] [data-owes-member]`);
    rows.forEach((row, i) => {
      const text = legendOf(kind, String(i + 1));
      const legend = row.querySelector('.owes-member__legend');
      if (legend) legend.textContent = text;
      const hidden = row.querySelector('.owes-member__remove-name');
      if (hidden) hidden.textContent = `: ${text}`;
    });
  };

  form.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button || !form.contains(button)) return;
    if (button.dataset.owesAdd) {
      event.preventDefault();
      const kind = button.dataset.owesAdd;
      const template = document.querySelector(`template[data-owes-template="${kind}"]`);
      const list = form.querySelector(`[data-owes-members="${kind}"]`);
      if (!template || !list) return;
      const key = String(nextKey++);
      const html = template.innerHTML.replaceAll('__KEY__', key).replaceAll('__N__', '0');
      const holder = document.createElement('div');
      holder.innerHTML = html;
      const row = holder.firstElementChild;
      list.appendChild(row);
      renumber(kind);
      const first = row.querySelector('input:not([type="hidden"]), select');
      if (first) first.focus();
      say(
        form.dataset.added.replace('{name}', row.querySelector('.owes-member__legend').textContent),
      );
    } else if (button.dataset.owesRemove !== undefined) {
      event.preventDefault();
      const row = button.closest('[data-owes-member]');
      if (!row) return;
      const kind = row.dataset.kind;
      const name = row.querySelector('.owes-member__legend').textContent;
      row.remove();
      renumber(kind);
      const heading = document.getElementById(
        kind === 'legal' ? 'legal-members' : 'members-heading',
      );
      if (heading) heading.focus();
      say(form.dataset.removed.replace('{name}', name));
    }
  });
}
