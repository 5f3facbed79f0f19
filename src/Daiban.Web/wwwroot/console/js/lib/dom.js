// Rendering helpers. Every value is put in the page as text: el() never parses HTML, so nothing the server sends
// (names, notes, chat messages) can become markup or script. Never use innerHTML with server data.

/**
 * An element: `attrs` become attributes (null, undefined and false are left out, true is an empty attribute),
 * `onclick`-style keys become listeners, `className` the class; children are nodes or text (arrays are flattened).
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'className') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A form control with its name written beside it, so the name stays when the control is filled in. */
export function field(text, control) {
  return el('label', { className: 'inline' }, text, ' ', control);
}

/** A table with a header row; without rows it says 暂无. */
export function table(headers, rows, id) {
  return el('table', { id }, el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.length ? rows
      : el('tr', {}, el('td', { colspan: headers.length, className: 'muted' }, '暂无'))));
}

/** A small label; `danger` (overdue, unread) makes it red. */
export function tag(text, danger) {
  return el('span', { className: danger ? 'tag danger' : 'tag' }, text);
}

/** A <select> of [value, label] pairs; the option whose value is `selected` (compared as text) is marked. */
export function select(attrs, pairs, selected) {
  return el('select', attrs, pairs.map(([value, label]) =>
    el('option', { value, selected: selected !== undefined && String(selected) === String(value) }, label)));
}

let toastTimer;

/** A short message at the bottom right, gone after a few seconds. */
export function toast(message) {
  const t = document.getElementById('toast');
  t.textContent = message;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, 3500);
}

/**
 * Runs `action`; a failure is shown as a toast (the server's Chinese title), never thrown at the page, and beside
 * the field it names when the server says which (`fieldLabel`, the field's label as people see it).
 */
export async function guarded(action) {
  clearFieldErrors();
  try {
    await action();
  } catch (e) {
    toast(e.message);
    if (e.problem && e.problem.fieldLabel) markField(e.problem.fieldLabel, e.message);
  }
}

function clearFieldErrors() {
  document.querySelectorAll('.field-error').forEach((n) => n.remove());
  document.querySelectorAll('[aria-invalid="true"]').forEach((n) => n.removeAttribute('aria-invalid'));
}

/** The text an element itself starts with (a label's words before its control). */
function ownText(element) {
  const first = [...element.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  return first ? first.textContent.trim() : '';
}

/**
 * Puts `message` beside the visible field labelled `label` — a `<label>` wrapping its control, or a form table's
 * `<th>` with the control in the next cell — marks the control invalid and moves the focus there.
 */
export function markField(label, message) {
  const owner = [...document.querySelectorAll('label, th')]
    .find((n) => ownText(n) === label && n.getClientRects().length > 0);
  if (!owner) return false;
  const place = owner.tagName === 'TH' ? owner.nextElementSibling : owner;
  if (!place) return false;
  const control = place.querySelector('input, select, textarea');
  if (control) control.setAttribute('aria-invalid', 'true');
  place.append(el('span', { className: 'field-error', role: 'alert' }, message));
  if (control) control.focus();
  return true;
}
