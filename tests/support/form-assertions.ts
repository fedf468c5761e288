import assert from "node:assert/strict";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

/** The DSFR group of the field whose id is `id`: from its wrapper to the end of its messages. */
export function fieldGroup(html: string, id: string): string {
  const fieldAt = html.indexOf(`id="${id}"`);
  assert.ok(fieldAt >= 0, `pas de champ ${id} dans la page`);
  const start = Math.max(html.lastIndexOf('<div class="fr-input-group', fieldAt), html.lastIndexOf('<div class="fr-select-group', fieldAt));
  const end = html.indexOf("</div>", html.indexOf(`id="${id}-messages"`, fieldAt));
  return html.slice(start, end + "</div>".length);
}

/** The field is shown in error with `message` in its own messages group and, when given, the input kept. */
export function assertFieldError(html: string, id: string, message: string, kept?: string) {
  const group = fieldGroup(html, id);
  assert.match(group, /^<div class="fr-(input|select)-group fr-(input|select)-group--error">/, group);
  assert.ok(group.includes(`<p class="fr-message fr-message--error">${escapeHtml(message)}</p>`), `message « ${message} » absent du champ ${id} : ${group}`);
  if (kept !== undefined) assert.ok(group.includes(`value="${escapeHtml(kept)}"`), `saisie non conservée dans ${id} : ${group}`);
}
