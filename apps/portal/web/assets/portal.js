// Progressive enhancement of the portal's pages: every page works without JavaScript. Each
// element that names a module in `data-owes-module` gets it (a file of web/assets, e.g.
// `autosave.js`, exporting `init(element)`); the session-timeout dialog is started when present.
const modules = new Set();
for (const element of document.querySelectorAll('[data-owes-module]')) {
  for (const name of element.dataset.owesModule.split(/\s+/).filter(Boolean)) {
    if (!/^[a-z-]+$/.test(name)) continue;
    modules.add(name);
    import(`./${name}.js`)
      .then((module) => module.init(element))
      .catch((error) => {
        console.error(`owes: module ${name} failed`, error);
      });
  }
}
const dialog = document.getElementById('owes-timeout');
if (dialog) {
  import('./timeout.js').then((module) => module.init(dialog));
}
