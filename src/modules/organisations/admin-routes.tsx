import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FormValues, keepValues, parseForm } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { InvalidInputError, NotFoundError } from "../../shared/domain-error.ts";
import type { Option } from "../../ui/fields.tsx";
import type { OrganisationRoutesDeps } from "./deps.ts";
import { ancestorsOf, descendantIds, orderAsTree } from "./domain/hierarchy.ts";
import { OrganisationKinds } from "./domain/organisation-kinds.ts";
import { normalizeLabel } from "./domain/reference-file.ts";
import { findOrganisationById, listAllOrganisations, listDomainsByOrganisation, listDomainsOfOrganisation, type Organisation } from "./repository.ts";
import { mergeFormSchema, organisationFormSchema } from "./schemas.ts";
import { createMergeOrganisations, mergeRefusal } from "./use-cases/merge-organisations.ts";
import { createSaveOrganisation } from "./use-cases/save-organisation.ts";
import { type MergeSide, MergePage } from "./views/merge-page.tsx";
import { type OrganisationFormValues, OrganisationFormPage, type StoredOrganisation } from "./views/organisation-form-page.tsx";
import { type OrganisationRow, OrganisationsPage } from "./views/organisations-page.tsx";
import { isUuid } from "../../shared/uuid.ts";

const access = { access: "manage:organisation:any" } as const;
const pageSize = 100;

type IdParams = { id: string };

function queryText(request: FastifyRequest, name: string, max: number): string {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === "string" ? value.trim().slice(0, max) : "";
}

/** Organisations in tree order, labelled for a select: indented by depth, with their acronym. */
function treeOptions(organisations: Organisation[], excluded: Set<string> = new Set()): Option[] {
  return orderAsTree(organisations)
    .filter((organisation) => !excluded.has(organisation.id))
    .map((organisation) => ({
      value: organisation.id,
      label: `${"\u00a0\u00a0\u00a0".repeat(Math.min(organisation.depth, 8))}${organisation.name}${organisation.acronym ? ` (${organisation.acronym})` : ""}`,
    }));
}

function formValuesOf(organisation: Organisation, domains: string[]): OrganisationFormValues {
  return {
    name: organisation.name,
    acronym: organisation.acronym ?? "",
    kind: organisation.kind,
    parentId: organisation.parentId ?? "",
    siren: organisation.siren ?? "",
    siret: organisation.siret ?? "",
    domains: domains.join("\n"),
  };
}

function keptValues(values: FormValues): OrganisationFormValues {
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  return { name: text("name"), acronym: text("acronym"), kind: text("kind"), parentId: text("parentId"), siren: text("siren"), siret: text("siret"), domains: text("domains") };
}

/** The programme team's pages: the tree, creation and edition, merging duplicates. */
export function registerOrganisationAdminRoutes(app: FastifyInstance, deps: OrganisationRoutesDeps) {
  const saveOrganisation = createSaveOrganisation(deps);
  const mergeOrganisations = createMergeOrganisations({ db: deps.db, members: deps.members });

  async function requireOrganisation(id: string): Promise<Organisation> {
    const organisation = isUuid(id) ? await findOrganisationById(deps.db, id) : null;
    if (!organisation) throw new NotFoundError("Cette organisation n’existe pas ou a été fusionnée dans une autre.");
    return organisation;
  }

  app.get("/admin/organisations", { config: access }, async (request, reply) => {
    const query = queryText(request, "q", 100);
    const [all, domains, accounts] = [await listAllOrganisations(deps.db), await listDomainsByOrganisation(deps.db), await deps.members.countAccountsByOrganisation(deps.db)];
    const byId = new Map(all.map((organisation) => [organisation.id, organisation]));
    let shown = orderAsTree(all);
    const matching = new Set<string>();
    if (query) {
      const words = normalizeLabel(query).split(" ");
      for (const organisation of all) {
        const text = normalizeLabel(`${organisation.name} ${organisation.acronym ?? ""}`);
        if (words.every((word) => text.includes(word))) matching.add(organisation.id);
      }
      const kept = new Set(matching);
      for (const id of matching) for (const ancestor of ancestorsOf(all, id)) kept.add(ancestor.id);
      shown = shown.filter((organisation) => kept.has(organisation.id));
    }
    const pageCount = Math.max(1, Math.ceil(shown.length / pageSize));
    const requested = Number(queryText(request, "page", 6));
    const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pageCount) : 1;
    const rows: OrganisationRow[] = shown.slice((page - 1) * pageSize, page * pageSize).map((organisation) => ({
      ...organisation,
      parentName: organisation.parentId ? (byId.get(organisation.parentId)?.name ?? null) : null,
      ministryName: organisation.ministryId ? (byId.get(organisation.ministryId)?.name ?? null) : null,
      isOwnMinistry: organisation.ministryId === organisation.id,
      domains: domains.get(organisation.id) ?? [],
      accounts: accounts.get(organisation.id) ?? 0,
      matches: matching.has(organisation.id),
    }));
    return sendPage(reply, <OrganisationsPage context={pageContext(request, reply)} rows={rows} total={all.length} matchCount={matching.size} query={query} page={page} pageCount={pageCount} />);
  });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    options: { organisation: Organisation | null; values?: OrganisationFormValues; errors?: Record<string, string>; notice?: "saved" | "merged" },
  ) {
    const all = await listAllOrganisations(deps.db);
    const { organisation } = options;
    let stored: StoredOrganisation | null = null;
    let values = options.values;
    if (organisation) {
      const counts = await deps.members.countInOrganisation(deps.db, organisation.id);
      const ministry = organisation.ministryId ? all.find((candidate) => candidate.id === organisation.ministryId) : undefined;
      stored = {
        id: organisation.id,
        name: organisation.name,
        kind: organisation.kind,
        referenceId: organisation.referenceId,
        ministryName: ministry?.name ?? null,
        isOwnMinistry: organisation.ministryId === organisation.id,
        accounts: counts.accounts,
        children: orderAsTree(all.filter((candidate) => candidate.parentId === organisation.id)),
      };
      values ??= formValuesOf(organisation, await listDomainsOfOrganisation(deps.db, organisation.id));
    }
    values ??= { name: "", acronym: "", kind: "", parentId: "", siren: "", siret: "", domains: "" };
    // Neither the organisation itself nor what depends on it can become its parent.
    const excluded = organisation ? new Set([organisation.id, ...descendantIds(all, organisation.id)]) : new Set<string>();
    return sendPage(
      reply,
      <OrganisationFormPage context={pageContext(request, reply)} organisation={stored} values={values} errors={options.errors ?? {}} parentOptions={treeOptions(all, excluded)} notice={options.notice} />,
      status,
    );
  }

  async function submitForm(request: FastifyRequest, reply: FastifyReply, organisation: Organisation | null) {
    const form = parseForm(organisationFormSchema, request.body);
    if (!form.ok) return renderForm(request, reply, 400, { organisation, values: keptValues(form.values), errors: form.errors });
    try {
      const id = await saveOrganisation({ ...form.data, id: organisation?.id, savedBy: request.user!.id });
      return reply.redirect(`/admin/organisations/${id}?enregistree=1`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return renderForm(request, reply, 409, { organisation, values: keptValues(keepValues(request.body)), errors: error.fieldErrors });
    }
  }

  app.get("/admin/organisations/nouvelle", { config: access }, async (request, reply) => {
    const parentId = queryText(request, "parent", 36);
    return renderForm(request, reply, 200, { organisation: null, values: { name: "", acronym: "", kind: parentId ? OrganisationKinds.service : "", parentId: isUuid(parentId) ? parentId : "", siren: "", siret: "", domains: "" } });
  });

  app.post("/admin/organisations/nouvelle", { config: access }, async (request, reply) => submitForm(request, reply, null));

  app.get<{ Params: IdParams }>("/admin/organisations/:id", { config: access }, async (request, reply) => {
    const organisation = await requireOrganisation(request.params.id);
    const query = request.query as Record<string, unknown>;
    const notice = query.enregistree !== undefined ? "saved" : query.fusionnee !== undefined ? "merged" : undefined;
    return renderForm(request, reply, 200, { organisation, ...(notice ? { notice } : {}) });
  });

  app.post<{ Params: IdParams }>("/admin/organisations/:id", { config: access }, async (request, reply) => submitForm(request, reply, await requireOrganisation(request.params.id)));

  async function mergeSide(organisation: Organisation, all: Organisation[]): Promise<MergeSide> {
    const counts = await deps.members.countInOrganisation(deps.db, organisation.id);
    return {
      ...organisation,
      ministryName: organisation.ministryId ? (all.find((candidate) => candidate.id === organisation.ministryId)?.name ?? null) : null,
      domains: await listDomainsOfOrganisation(deps.db, organisation.id),
      accounts: counts.accounts,
      roleGrants: counts.roleGrants,
      children: all.filter((candidate) => candidate.parentId === organisation.id).length,
    };
  }

  async function renderMerge(request: FastifyRequest, reply: FastifyReply, status: number, source: Organisation, chosenId: string, errors: Record<string, string> = {}) {
    const all = await listAllOrganisations(deps.db);
    const target = chosenId && Object.keys(errors).length === 0 ? all.find((candidate) => candidate.id === chosenId) : undefined;
    const options = treeOptions(all, new Set([source.id, ...descendantIds(all, source.id)]));
    return sendPage(
      reply,
      <MergePage context={pageContext(request, reply)} source={await mergeSide(source, all)} target={target ? await mergeSide(target, all) : null} targetOptions={options} chosenId={chosenId} errors={errors} />,
      status,
    );
  }

  app.get<{ Params: IdParams }>("/admin/organisations/:id/fusionner", { config: access }, async (request, reply) => {
    const source = await requireOrganisation(request.params.id);
    const query = request.query as Record<string, unknown>;
    if (query.cible === undefined) return renderMerge(request, reply, 200, source, "");
    const form = parseForm(mergeFormSchema, query);
    if (!form.ok) return renderMerge(request, reply, 400, source, queryText(request, "cible", 36), form.errors);
    const refusal = await mergeRefusal(deps.db, source, form.data.cible);
    if (refusal) return renderMerge(request, reply, 400, source, form.data.cible, { cible: refusal });
    return renderMerge(request, reply, 200, source, form.data.cible);
  });

  app.post<{ Params: IdParams }>("/admin/organisations/:id/fusionner", { config: access }, async (request, reply) => {
    const source = await requireOrganisation(request.params.id);
    const form = parseForm(mergeFormSchema, request.body);
    if (!form.ok) return renderMerge(request, reply, 400, source, "", form.errors);
    try {
      const merged = await mergeOrganisations(source.id, form.data.cible);
      return reply.redirect(`/admin/organisations/${merged.target.id}?fusionnee=1`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return renderMerge(request, reply, 409, source, form.data.cible, error.fieldErrors);
    }
  });
}
