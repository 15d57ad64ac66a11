// The session-timeout warning (WCAG 2.2.1): `warningSeconds` before the idle session would end,
// a modal dialog takes focus and counts down; "stay signed in" renews the session without
// leaving the page (fetch with the form's CSRF token); at zero the page goes to sign-in, which
// says the session ended. Any request to the portal (an autosave too) starts the count again:
// other modules dispatch `owes:activity` on document after talking to the server.
export function init(dialog) {
  const idle = Number(dialog.dataset.idleSeconds) * 1000;
  const warning = Number(dialog.dataset.warningSeconds) * 1000;
  const body = dialog.querySelector('#owes-timeout-body');
  const template = dialog.dataset.bodyTemplate;
  const keepAlive = dialog.querySelector('form[data-keep-alive]');
  let warnTimer;
  let endTimer;
  let tick;
  let lastFocus;

  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    clearInterval(tick);
    warnTimer = setTimeout(open, Math.max(0, idle - warning));
    endTimer = setTimeout(() => window.location.assign(dialog.dataset.endedUrl), idle);
  };

  const open = () => {
    lastFocus = document.activeElement;
    let left = Math.round(warning / 1000);
    const render = () => {
      body.textContent = template.replace('{seconds}', String(left));
    };
    render();
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    dialog.querySelector('button').focus();
    tick = setInterval(() => {
      left = Math.max(0, left - 1);
      // Announce every 30 s and the last 10, not every second (aria-live would be noisy).
      if (left % 30 === 0 || left <= 10) render();
    }, 1000);
  };

  const close = () => {
    clearInterval(tick);
    if (dialog.open) dialog.close();
    if (lastFocus && typeof lastFocus.focus === 'function') lastFocus.focus();
  };

  keepAlive.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch(keepAlive.action, {
      method: 'POST',
      headers: { 'x-csrf-token': keepAlive.elements._csrf.value, accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (response.ok) {
      close();
      schedule();
    } else {
      window.location.assign(dialog.dataset.endedUrl);
    }
  });
  dialog.addEventListener('cancel', (event) => {
    // Escape keeps the session, like "stay signed in".
    event.preventDefault();
    keepAlive.requestSubmit();
  });
  document.addEventListener('owes:activity', schedule);
  schedule();
  // Counting from now (the browser tests wait for this before moving the page's clock).
  dialog.dataset.counting = 'true';
}
