import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { desc, eq } from "drizzle-orm";
import { agreements } from "../../../db/schema/index.ts";
import { type FormValues, keepValues, parseForm } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { parisDayOf } from "../../../shared/french-date.ts";
import { NotFoundError } from "../../../shared/domain-error.ts";
import { spreadsheetCsv } from "../../../shared/spreadsheet-csv.ts";
import { organisationLookup } from "../../organisations/api.ts";
import { findCurrentSeason, listSeasons, type SeasonWithPhases } from "../../seasons/api.ts";
import { loadAgreements } from "../agreement/agreement-repository.ts";
import type { TenPercentDeps } from "../deps.ts";
import { type AgreementStatus, agreementStatuses } from "../domain/agreement-states.ts";
import { loadAgreementLedgers } from "../managers/agreement-ledgers.ts";
import { AdminAgreementsPage, adminAgreementsPath, adminThirdSignatoriesPath, AdminTimeTotalsPage, adminTimeTotalsCsvPath, adminTimeTotalsPath } from "./admin-agreements-page.tsx";
import { AdminThirdSignatoriesPage, removeThirdSignatoryPath } from "./admin-third-signatories-page.tsx";
import { ministriesOfAgreements, seasonTimeTotals } from "./season-time-totals.ts";
import { listThirdSignatories } from "./third-signatories-repository.ts";
import { publicBodySignatoryError, thirdSignatorySchema } from "./third-signatory-form.ts";
import { createRemoveThirdSignatory } from "./use-cases/remove-third-signatory.ts";
import { createSetThirdSignatory } from "./use-cases/set-third-signatory.ts";

const permission = "manage:agreement:any";

function queryText(query: unknown, name: string): string | undefined {
  const value = query && typeof query === "object" ? (query as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" && value.length <= 100 ? value : undefined;
}

/**
 * The programme team's follow-up of « Mon 10 % » (issue 16), all under `manage:agreement:any`:
 * `GET /admin/conventions` (a season's agreements, filtered by status), `GET /admin/conventions/temps` and
 * `/temps.csv` (half-days given by ministry and by project), `GET|POST /admin/conventions/signataires` and
 * `POST /admin/conventions/signataires/supprimer` (the third signatory of each ministry).
 */
export function registerAgreementAdminRoutes(app: FastifyInstance, deps: TenPercentDeps) {
  const { db, clock } = deps;
  const setSignatory = createSetThirdSignatory(deps);
  const removeSignatory = createRemoveThirdSignatory(deps);

  /** The season of `?saison=<slug>`, else the running (or next) one, else the latest; 404 when unknown or none. */
  async function seasonOf(request: FastifyRequest): Promise<{ season: SeasonWithPhases; seasons: { value: string; label: string }[] }> {
    const seasons = await listSeasons(db);
    const slug = queryText(request.query, "saison");
    const season = slug ? seasons.find((candidate) => candidate.slug === slug) : ((await findCurrentSeason(db, clock.now())) ?? seasons[0]);
    if (!season) throw new NotFoundError(slug ? "Cette saison n’existe pas." : "Aucune saison n’existe encore.");
    return { season, seasons: seasons.map((candidate) => ({ value: candidate.slug, label: candidate.name })) };
  }

  app.get(adminAgreementsPath, { config: { access: permission } }, async (request, reply) => {
    const { season, seasons } = await seasonOf(request);
    const wanted = queryText(request.query, "etat");
    const status = wanted && (agreementStatuses as readonly string[]).includes(wanted) ? (wanted as AgreementStatus) : null;
    const ids = (await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.seasonId, season.id)).orderBy(desc(agreements.createdAt))).map((row) => row.id);
    const all = await loadAgreements(db, ids);
    const shown = status ? all.filter((agreement) => agreement.status === status) : all;
    const [ledgers, ministries] = await Promise.all([loadAgreementLedgers(db, shown, parisDayOf(clock.now())), ministriesOfAgreements(db, shown)]);
    const rows = shown
      .map((agreement) => {
        const summary = ledgers.get(agreement.id)!.summary;
        return { agreement, ministryName: ministries.get(agreement.id)?.name ?? "", used: summary.used, budget: summary.budget };
      })
      .sort((a, b) => a.agreement.terms.memberName.localeCompare(b.agreement.terms.memberName, "fr"));
    return sendPage(reply, <AdminAgreementsPage context={pageContext(request, reply)} model={{ season: { slug: season.slug, name: season.name }, seasons, status, rows, total: all.length }} />);
  });

  app.get(adminTimeTotalsPath, { config: { access: permission } }, async (request, reply) => {
    const { season, seasons } = await seasonOf(request);
    const totals = await seasonTimeTotals(db, season.id, clock.now());
    return sendPage(reply, <AdminTimeTotalsPage context={pageContext(request, reply)} model={{ season: { slug: season.slug, name: season.name }, seasons, totals }} />);
  });

  app.get(adminTimeTotalsCsvPath, { config: { access: permission } }, async (request, reply) => {
    const { season } = await seasonOf(request);
    const totals = await seasonTimeTotals(db, season.id, clock.now());
    const csv = spreadsheetCsv(
      ["Regroupement", "Nom", "Demi-journées", "Membres"],
      [
        ...totals.byMinistry.map((row) => ["Ministère", row.name, String(row.halfDays), String(row.members)]),
        ...totals.byProject.map((row) => ["Projet", row.title, String(row.halfDays), String(row.members)]),
        ["Total", season.name, String(totals.halfDays), String(totals.members)],
      ],
    );
    return reply
      .header("content-disposition", `attachment; filename="temps-10-pourcent-${season.slug}.csv"`)
      .type("text/csv; charset=utf-8")
      .send(csv);
  });

  async function ministryOptions() {
    return (await organisationLookup.listHierarchy(db))
      .filter((organisation) => organisation.kind === "ministry")
      .map((organisation) => ({ value: organisation.id, label: organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name }));
  }

  async function renderSignatories(request: FastifyRequest, reply: FastifyReply, status: number, form: { values: FormValues; errors: Record<string, string> } = { values: {}, errors: {} }) {
    const [signatories, hierarchy, ministries] = await Promise.all([listThirdSignatories(db), organisationLookup.listHierarchy(db), ministryOptions()]);
    const names = new Map(hierarchy.map((organisation) => [organisation.id, organisation.name]));
    const notice = status !== 200 ? null : queryText(request.query, "enregistre") === "1" ? "saved" : queryText(request.query, "retire") === "1" ? "removed" : null;
    const model = {
      signatories: signatories.map((signatory) => ({ ...signatory, ministryName: names.get(signatory.ministryId) ?? "" })).sort((a, b) => a.ministryName.localeCompare(b.ministryName, "fr")),
      ministries,
      values: form.values,
      errors: form.errors,
      notice,
    } as const;
    return sendPage(reply, <AdminThirdSignatoriesPage context={pageContext(request, reply)} model={model} />, status);
  }

  app.get(adminThirdSignatoriesPath, { config: { access: permission } }, async (request, reply) => renderSignatories(request, reply, 200));

  app.post(adminThirdSignatoriesPath, { config: { access: permission } }, async (request, reply) => {
    const ministries = new Set((await ministryOptions()).map((option) => option.value));
    const form = parseForm(thirdSignatorySchema(ministries), request.body);
    if (!form.ok) {
      const email = keepValues(request.body).email;
      if (!form.errors.email && typeof email === "string" && !(await deps.isEligibleEmail(email.trim().toLowerCase()))) form.errors.email = publicBodySignatoryError;
      return renderSignatories(request, reply, 400, form);
    }
    if (!(await deps.isEligibleEmail(form.data.email))) return renderSignatories(request, reply, 400, { values: keepValues(request.body), errors: { email: publicBodySignatoryError } });
    await setSignatory(form.data);
    return reply.redirect(`${adminThirdSignatoriesPath}?enregistre=1`, 303);
  });

  app.post(removeThirdSignatoryPath, { config: { access: permission } }, async (request, reply) => {
    const body = request.body && typeof request.body === "object" ? (request.body as Record<string, unknown>) : {};
    const ministryId = typeof body.ministryId === "string" ? body.ministryId : "";
    await removeSignatory(ministryId);
    return reply.redirect(`${adminThirdSignatoriesPath}?retire=1`, 303);
  });
}
