// The application form's section pages, improved (they work without it): the form is saved
// ~1 s after typing stops and when a field loses focus (fetch POST to the same URL, answered
// with JSON), a polite live region says when, the amount computed on the server is updated, a
// warning is shown before leaving with unsaved changes, and rows (jobs, budget items, de minimis
// aid) are added from the page's <template> and removed without a reload.
const DELAY_MS = 1000;

export function init(form) {
  const status = form.querySelector('[data-owes-status]');
  const amount = document.querySelector('[data-owes-amount]');
  const rows = form.querySelector('[data-owes-rows]');
  const template = form.querySelector('template[data-owes-row-template]');
  // Not `form.action`: the form's buttons named "action" shadow that property.
  const url = form.getAttribute('action');
  const csrf = form.querySelector('input[name="_csrf"]').value;
  let dirty = false;
  let timer;
  let saving = null;
  let again = false;
  let leaving = false;

  const say = (text) => {
    status.textContent = text;
  };

  const save = async () => {
    clearTimeout(timer);
    if (!dirty) return;
    if (saving) {
      again = true;
      return;
    }
    dirty = false;
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (name !== 'action' && typeof value === 'string') body.append(name, value);
    }
    saving = fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        'x-csrf-token': csrf,
      },
      body,
    });
    try {
      const response = await saving;
      document.dispatchEvent(new Event('owes:activity'));
      const type = response.headers.get('content-type') || '';
      if (response.redirected || !type.includes('json')) {
        // The session ended: the platform kept the posted form; a button save restores it.
        dirty = true;
        say(form.dataset.endedText);
        return;
      }
      const answer = await response.json();
      if (amount && 'amount' in answer) {
        amount.textContent = answer.amount || form.dataset.amountUnknown;
      }
      if (answer.saved) {
        say(form.dataset.savedText.replace('{time}', answer.savedAt));
      } else {
        say(form.dataset.failedText);
      }
    } catch {
      dirty = true;
      say(form.dataset.failedText);
    } finally {
      saving = null;
      if (again) {
        again = false;
        save();
      }
    }
  };

  const changed = () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  };

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('focusout', (event) => {
    if (event.target.matches('input, textarea, select') && dirty) save();
  });
  form.addEventListener('submit', () => {
    leaving = true;
  });
  window.addEventListener('beforeunload', (event) => {
    if ((dirty || saving) && !leaving) {
      event.preventDefault();
      event.returnValue = form.dataset.unsavedText;
    }
  });

  if (rows && template) {
    let next = rows.querySelectorAll('[data-owes-row]').length;
    const renumber = () => {
      // Visible numbers follow the page order (names keep their indices: the server renumbers).
      rows.querySelectorAll('[data-owes-row]').forEach((row, i) => {
        const heading = row.querySelector('h2');
        if (heading && heading.dataset.label) {
          heading.textContent = heading.dataset.label.replace('{n}', String(i + 1));
        }
      });
    };
    for (const name of rows.querySelectorAll('[data-owes-row] [name]')) {
      const m = /-(\d+)-/.exec(name.name);
      if (m) next = Math.max(next, Number(m[1]) + 1);
    }
    form.querySelector('[data-owes-add]')?.addEventListener('click', (event) => {
      event.preventDefault();
      const index = next++;
      const number = rows.querySelectorAll('[data-owes-row]').length + 1;
      const html = template.innerHTML
        .replaceAll('__INDEX__', String(index))
        .replaceAll('__NUMBER__', String(number));
      rows.insertAdjacentHTML('beforeend', html);
      const row = rows.lastElementChild;
      const heading = row.querySelector('h2');
      if (heading) heading.focus();
      changed();
    });
    rows.addEventListener('click', (event) => {
      const button = event.target.closest('[data-owes-remove]');
      if (!button) return;
      event.preventDefault();
      button.closest('[data-owes-row]').remove();
      renumber();
      document.getElementById('section-fields').focus();
      dirty = true;
      save();
    });
  }
}
