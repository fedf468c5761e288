import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { profileSkills, profiles, skills, users } from "../../db/schema/index.ts";
import { escapeHtml } from "../../../tests/support/form-assertions.ts";

export { assertFrenchSpacing } from "../../../tests/support/french-typography.ts";

/** The `<input>` tag whose id is `id`. */
function inputTag(html: string, id: string): string {
  const match = new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`).exec(html);
  assert.ok(match, `pas de champ ${id} dans la page`);
  return match[0];
}

/** The radio button or checkbox `id` is shown checked. */
export function assertChecked(html: string, id: string) {
  assert.match(inputTag(html, id), /\bchecked=""/, `${id} devrait être coché`);
}

/** A group of radio buttons (`<fieldset id="<name>-fieldset">`) shown in error with `message`. */
export function assertGroupError(html: string, name: string, message: string) {
  const start = html.indexOf(`id="${name}-fieldset"`);
  assert.ok(start >= 0, `pas de groupe ${name} dans la page`);
  const opening = html.lastIndexOf("<fieldset", start);
  assert.match(html.slice(opening, start), /fr-fieldset--error/, `le groupe ${name} n’est pas en erreur`);
  const messagesAt = html.indexOf(`id="${name}-fieldset-messages"`, start);
  const messages = html.slice(messagesAt, html.indexOf("</div>", messagesAt));
  assert.ok(messages.includes(`<p class="fr-message fr-message--error">${escapeHtml(message)}</p>`), `message « ${message} » absent du groupe ${name} : ${messages}`);
}

/** A single checkbox shown in error with `message` in its own messages group. */
export function assertCheckboxError(html: string, id: string, message: string) {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `pas de case ${id} dans la page`);
  const opening = html.lastIndexOf('<div class="fr-checkbox-group', start);
  assert.match(html.slice(opening, start), /fr-checkbox-group--error/, `la case ${id} n’est pas en erreur`);
  const messagesAt = html.indexOf(`id="${id}-messages"`, start);
  assert.ok(html.slice(messagesAt, html.indexOf("</div>", messagesAt)).includes(escapeHtml(message)), `message « ${message} » absent de la case ${id}`);
}

export async function userIdOf(db: Database, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  assert.ok(row, `pas de compte ${email}`);
  return row.id;
}

export async function skillIdOf(db: Database, slug: string): Promise<string> {
  const [row] = await db.select({ id: skills.id }).from(skills).where(eq(skills.slug, slug));
  assert.ok(row, `pas de compétence ${slug}`);
  return row.id;
}

/** Everything stored about a person's profile, to compare before and after a refused form. */
export async function storedProfile(db: Database, userId: string) {
  const [account] = await db.select({ givenName: users.givenName, usualName: users.usualName, organisationId: users.organisationId }).from(users).where(eq(users.id, userId));
  const [profile] = await db.select().from(profiles).where(eq(profiles.userId, userId));
  const levels = await db.select({ skillId: profileSkills.skillId, level: profileSkills.level }).from(profileSkills).where(eq(profileSkills.userId, userId)).orderBy(profileSkills.skillId);
  const { searchVector: _vector, searchText: _text, updatedAt: _updated, ...rest } = profile ?? ({} as Record<string, unknown>);
  return { account, profile: profile ? rest : null, levels };
}

/** Every link of the error summary leads to an element that takes the focus (an input, a select, a textarea). */
export function assertSummaryLinksFocusable(html: string) {
  const start = html.indexOf('<div class="fr-alert fr-alert--error');
  assert.ok(start >= 0, "pas de résumé des erreurs");
  const summary = html.slice(start, html.indexOf("</div>", start));
  const targets = [...summary.matchAll(/<a href="#([^"]+)">/g)].map((match) => match[1]!);
  assert.ok(targets.length > 0, "aucun lien dans le résumé des erreurs");
  for (const id of targets) {
    const element = new RegExp(`<(\\w+)\\b[^>]*\\bid="${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`).exec(html);
    assert.ok(element, `le lien #${id} du résumé ne mène à rien`);
    assert.ok(["input", "select", "textarea"].includes(element[1]!) || /\btabindex="-?\d+"/.test(element[0]), `le lien #${id} du résumé mène à un <${element[1]}> qui ne prend pas le focus`);
  }
}
