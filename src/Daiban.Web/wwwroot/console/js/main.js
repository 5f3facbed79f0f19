// The staff console: a small static app over the staff API, in native ES modules with no build step (the content
// security policy allows only this origin's scripts, and no inline code).
//   main.js      sign-in and sign-out, then the router
//   router.js    the address picks the page; menu and unread count
//   pages.js     the page registry: which roles see which page
//   actions.js   what buttons do: a change, its toast, the page again; export buttons
//   lib/api.js      the API client: token, JSON, problem details as Chinese errors, files behind the token
//   lib/session.js  the token and the signed-in member (sessionStorage)
//   lib/dom.js      el() and other rendering helpers: server values only ever as text
//   lib/format.js   China time, working days, the Chinese words for codes
//   pages/*.js      one module per page (and the panels pages share)
import { api } from './lib/api.js';
import { begin, signOut } from './lib/session.js';
import { PAGES } from './pages.js';
import { refresh, start } from './router.js';

document.getElementById('sign-in').addEventListener('submit', async (e) => {
  e.preventDefault();
  const error = document.getElementById('sign-in-error');
  error.textContent = '';
  try {
    const userName = document.getElementById('user-name').value;
    const password = document.getElementById('password').value;
    begin(await api('/api/staff/auth/login', { method: 'POST', body: { userName, password } }));
    location.hash = '';
    refresh();
  } catch (err) {
    error.textContent = err.message;
  }
});
document.getElementById('sign-out').addEventListener('click', () => signOut());
start(PAGES);
