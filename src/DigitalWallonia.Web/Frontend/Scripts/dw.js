// The site's script, on top of htmx (a global, loaded before) and govuk-frontend: the conventions every page relies on
// (docs/web.md, "htmx"). Copied to wwwroot/lib/dw/ by the build; nothing is loaded from elsewhere.
import { initAll } from '/lib/govuk/govuk-frontend.min.js';

const body = document.body;

// Browser tests wait for body[data-ready]: set once the page's components are initialised, removed while an htmx request
// is under way, set again once its content is swapped, initialised, focused and announced.
const ready = () => { body.dataset.ready = 'true'; };
const busy = () => { delete body.dataset.ready; };

// A refused form answers 422 with the form and its error summary, to be shown like any answer. htmx 2 swaps only 2xx
// by default; other errors still leave the page as it is.
htmx.config.responseHandling = [
  { code: '204', swap: false },
  { code: '[23]..', swap: true },
  { code: '422', swap: true },
  { code: '[45]..', swap: false, error: true },
  { code: '...', swap: false },
];

// Every htmx request that may change something carries the anti-forgery token of the page (layout's meta tag), in the
// header ASP.NET Core reads, so that no region needs a form of its own to post.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="dw-antiforgery"]');
  if (token && event.detail.verb.toLowerCase() !== 'get') {
    event.detail.headers[token.dataset.header] = token.content;
  }
});

document.addEventListener('htmx:beforeRequest', busy);

// No swap will follow an error answer or a 204: the page is ready as it stands.
document.addEventListener('htmx:afterRequest', (event) => {
  if (event.detail.failed || event.detail.xhr?.status === 204) {
    ready();
  }
});
document.addEventListener('htmx:sendError', ready);

// After a swap: initialise the components of the new content, move focus where the person's attention must go, and say
// what changed to screen readers.
document.addEventListener('htmx:afterSettle', (event) => {
  // An outerHTML swap replaced the target: find its successor by id.
  const target = event.detail.target;
  const region = (target?.id && document.getElementById(target.id)) || target;
  if (!region || !region.isConnected) {
    ready();
    return;
  }

  initAll({ scope: region });
  moveFocus(region);
  announce(region).then(ready);
});

// Focus goes to the error summary of a refused form, else to what the region marks (autofocus: a new list row's first
// field, which a full page load focuses too; or data-dw-focus), else to the region's heading made focusable
// (tabindex="-1"). A region may opt out (data-dw-no-focus).
function moveFocus(region) {
  if (region.closest('[data-dw-no-focus]')) {
    return;
  }

  const summary = region.matches('.govuk-error-summary') ? region : region.querySelector('.govuk-error-summary');
  const next = summary
    ?? region.querySelector('[autofocus], [data-dw-focus]')
    ?? region.querySelector('h1[tabindex="-1"], h2[tabindex="-1"], h3[tabindex="-1"]')
    ?? (region.getAttribute('tabindex') === '-1' ? region : null);
  if (next) {
    if (next === summary && !summary.hasAttribute('tabindex')) {
      summary.setAttribute('tabindex', '-1');
    }

    next.focus();
  }
}

// The texts of the new content's [data-dw-announce] elements (a success banner, a count) go to the layout's one
// role="status" region. Emptied first and filled a moment later, so that the same message twice is announced twice.
function announce(region) {
  const status = document.getElementById('status');
  const messages = [...(region.matches('[data-dw-announce]') ? [region] : []), ...region.querySelectorAll('[data-dw-announce]')]
    .map((element) => element.dataset.dwAnnounce || element.textContent.trim())
    .filter((text) => text.length > 0);
  if (!status || messages.length === 0) {
    return Promise.resolve();
  }

  status.textContent = '';
  return new Promise((resolve) => {
    setTimeout(() => {
      status.textContent = messages.join(' ');
      resolve();
    }, 100);
  });
}

initAll();
ready();
