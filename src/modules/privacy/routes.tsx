import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../../db/client.ts";
import { keepValues, parseForm } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import type { Clock } from "../../shared/clock.ts";
import { InvalidInputError } from "../../shared/domain-error.ts";
import { clearSessionCookie, type CurrentUser } from "../identity/api.ts";
import { skillCategories } from "../people/api.ts";
import { exportPersonalData, type PersonalDataContribution, type PersonalDataSection, type PersonalDataSubject, sectionsOf } from "./personal-data.ts";
import { deleteAccountSchema } from "./schemas.ts";
import { createDeleteAccount } from "./use-cases/delete-account.ts";
import { AccountDeletedPage, DeleteAccountPage } from "./views/delete-account-page.tsx";
import { PersonalDataPage } from "./views/personal-data-page.tsx";

export type PrivacyDeps = {
  db: Database;
  clock: Clock;
  secureCookies: boolean;
  /** Every module's personal data, in the order `/compte/donnees` shows them (given by the composition root). */
  contributions: readonly PersonalDataContribution[];
};

const subjectOf = (user: CurrentUser): PersonalDataSubject => ({ id: user.id, email: user.email });

/** `/compte/donnees` (see, with links to correct), `/compte/donnees.json` (download), `/compte/suppression` (delete the account). */
export function registerPrivacyRoutes(app: FastifyInstance, deps: PrivacyDeps) {
  const deleteAccount = createDeleteAccount(deps);
  const sections = withSkillCategoryLabels(sectionsOf(deps.contributions));

  app.get("/compte/donnees", { config: { access: "read:personal-data:own" } }, async (request, reply) => {
    const tables = await exportPersonalData(deps.db, deps.contributions, subjectOf(request.user!));
    return sendPage(reply, <PersonalDataPage context={pageContext(request, reply)} tables={tables} sections={sections} />);
  });

  app.get("/compte/donnees.json", { config: { access: "read:personal-data:own" } }, async (request, reply) => {
    const tables = await exportPersonalData(deps.db, deps.contributions, subjectOf(request.user!));
    const day = parisDay(deps.clock.now());
    return reply
      .header("content-disposition", `attachment; filename="donnees-programme-10-${day}.json"`)
      .header("cache-control", "no-store")
      .type("application/json; charset=utf-8")
      .send(JSON.stringify(tables, null, 2));
  });

  function renderDeletion(request: FastifyRequest, reply: FastifyReply, status: number, extra: { value?: string; error?: string } = {}) {
    return sendPage(reply, <DeleteAccountPage context={pageContext(request, reply)} email={request.user!.email} value={extra.value} error={extra.error} />, status);
  }

  app.get("/compte/suppression", { config: { access: "delete:account:own" } }, async (request, reply) => renderDeletion(request, reply, 200));

  app.post("/compte/suppression", { config: { access: "delete:account:own" } }, async (request, reply) => {
    const form = parseForm(deleteAccountSchema, request.body);
    if (!form.ok) return renderDeletion(request, reply, 400, { value: String(form.values.confirmation ?? ""), error: form.errors.confirmation });
    try {
      await deleteAccount({ person: subjectOf(request.user!), confirmation: form.data.confirmation });
    } catch (error) {
      if (error instanceof InvalidInputError) return renderDeletion(request, reply, 422, { value: String(keepValues(request.body).confirmation ?? ""), error: error.fieldErrors.confirmation });
      throw error;
    }
    // The sessions are gone with the account; the cookie goes too, so this browser is signed out at once.
    clearSessionCookie(reply, deps.secureCookies);
    return reply.redirect("/compte/suppression/terminee", 303);
  });

  app.get("/compte/suppression/terminee", { config: { access: "public" } }, async (request, reply) => {
    if (request.user) return reply.redirect("/compte", 303);
    return sendPage(reply, <AccountDeletedPage context={pageContext(request, reply)} />);
  });
}

/**
 * Proposed skills keep their category as a code (`data-engineering`): the page shows its French name from
 * the people API, unless the people section already labels it.
 */
function withSkillCategoryLabels(sections: Record<string, PersonalDataSection>): Record<string, PersonalDataSection> {
  const skills = sections.skills;
  if (!skills || !("category" in skills.columns) || skills.valueLabels?.category) return sections;
  const category = Object.fromEntries(skillCategories.map((entry) => [entry.key, entry.label]));
  return { ...sections, skills: { ...skills, valueLabels: { ...skills.valueLabels, category } } };
}

/** `2026-11-30` in Europe/Paris: the day the person sees on their calendar. */
function parisDay(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}
