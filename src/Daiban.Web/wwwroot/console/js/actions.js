// What the console's buttons do. A change is one request, then a toast saying it is done, then the page drawn again
// from the server; any refusal shows as a toast with the server's Chinese title.
import { api, download } from './lib/api.js';
import { el, guarded, toast } from './lib/dom.js';
import { refresh } from './router.js';

/**
 * Sends a change (POST unless `method` says otherwise, `body` as JSON). `done` is the toast's text, or makes it from
 * the answer; `after(answer)` follows (the page again by default; null to stay on the page as it is).
 */
export function act(path, { method = 'POST', body, headers, done, after = refresh } = {}) {
  return guarded(async () => {
    const answer = await api(path, { method, body, headers });
    if (done) toast(typeof done === 'function' ? done(answer) : done);
    if (after) await after(answer);
  });
}

/** A button that saves an export (a file behind the staff token). */
export function exportButton(path, fileName, label) {
  return el('button', { className: 'secondary', onclick: () => guarded(() => download(path, fileName, '导出失败')) },
    label);
}

/**
 * Saves the printable electronic archive (Chinese labels, China time) of an archived case: the page behind the
 * staff token cannot be opened by a plain link, so it is saved and opened from the computer to print.
 */
export function printArchiveButton(c) {
  if (c.status !== 'Archived') return '';
  return exportButton(`/api/staff/cases/${c.id}/archive/print`, `${c.caseNumber}-电子档案（打印版）.html`,
    '打印电子档案');
}

/** Statuses from which a case has its 办结单: every item decided (办结待送达) and after. */
const SLIP_STATUSES = new Set(['ResultsReady', 'Delivered', 'Evaluated', 'Archived']);

/**
 * Saves the printable 帮办代办包办服务办结单 (the client signs it when results are handed over in person), the same
 * way as the archive: behind the staff token, saved and opened from the computer to print. `from` narrows the
 * statuses it is offered in (the read-only page offers it only after delivery).
 */
export function printSlipButton(c, from = SLIP_STATUSES) {
  if (!from.has(c.status)) return '';
  return exportButton(`/api/staff/cases/${c.id}/completion-slip/print`, `${c.caseNumber}-办结单.html`, '打印办结单');
}

/** The statuses after delivery, for pages that offer the 办结单 once it is signed. */
export const DELIVERED_STATUSES = new Set(['Delivered', 'Evaluated', 'Archived']);
