// Who is signed in. The token and the member's profile live in sessionStorage (this tab only) and the token goes in
// the Authorization header, never in a cookie, so no request can be forged from another site.
const TOKEN = 'daiban.console.token';
const STAFF = 'daiban.console.staff';
const ENDED = 'daiban.console.ended';

export function token() {
  return sessionStorage.getItem(TOKEN);
}

/** The signed-in member ({ displayName, roles, … } as sign-in answered), or null. */
export function staff() {
  try { return JSON.parse(sessionStorage.getItem(STAFF) || 'null'); } catch { return null; }
}

export function hasRole(...roles) {
  const me = staff();
  return !!me && me.roles.some((r) => roles.includes(r));
}

/** Keeps what sign-in answered ({ token, staff }). */
export function begin(login) {
  sessionStorage.setItem(TOKEN, login.token);
  sessionStorage.setItem(STAFF, JSON.stringify(login.staff));
}

export function signOut() {
  // The session ends on the server too (with the dashboard sessions opened from it), and the dashboard cookie goes
  // (keepalive: the page reloads at once).
  const bearer = token();
  if (bearer) {
    fetch('/api/staff/auth/logout', { method: 'POST', keepalive: true, headers: { Authorization: 'Bearer ' + bearer } })
      .catch(() => {});
  }
  fetch('/api/staff/dashboard-session', { method: 'DELETE', keepalive: true }).catch(() => {});
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(STAFF);
  location.hash = '';
  location.reload();
}

/** Ended on the server (signed out elsewhere, account or roles changed) or expired: sign in again, told why. */
export function expire(reason) {
  sessionStorage.setItem(ENDED, reason);
  signOut();
}

/** Why the last session ended, said once on the sign-in form. */
export function takeEndedReason() {
  const reason = sessionStorage.getItem(ENDED);
  sessionStorage.removeItem(ENDED);
  return reason;
}
