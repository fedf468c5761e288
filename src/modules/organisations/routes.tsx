import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FormValues, parseForm } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { InvalidInputError } from "../../shared/domain-error.ts";
import { registerOrganisationAdminRoutes } from "./admin-routes.tsx";
import type { OrganisationRoutesDeps } from "./deps.ts";
import { registerOrganisationImportRoutes } from "./import-routes.tsx";
import { listEmailDomains, listOrganisations } from "./repository.ts";
import { addEmailDomainSchema } from "./schemas.ts";
import { createAddEmailDomain } from "./use-cases/add-email-domain.ts";
import { EmailDomainsPage } from "./views/email-domains-page.tsx";

/** The programme team's pages of this module: e-mail domains, organisations (tree, form, merge) and the referential's import. */
export function registerOrganisationRoutes(app: FastifyInstance, deps: OrganisationRoutesDeps) {
  registerOrganisationAdminRoutes(app, deps);
  registerOrganisationImportRoutes(app, deps);
  const addEmailDomain = createAddEmailDomain(deps);

  async function render(request: FastifyRequest, reply: FastifyReply, status: number, extra: { values?: FormValues; errors?: Record<string, string>; added?: string } = {}) {
    const [domains, organisations] = [await listEmailDomains(deps.db), await listOrganisations(deps.db)];
    const values = extra.values ? { domain: String(extra.values.domain ?? ""), organisationId: String(extra.values.organisationId ?? "") } : undefined;
    return sendPage(
      reply,
      <EmailDomainsPage
        context={pageContext(request, reply)}
        domains={domains}
        referenceCount={deps.publicDomains.size}
        organisations={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
        values={values}
        errors={extra.errors}
        added={extra.added}
      />,
      status,
    );
  }

  app.get("/admin/domaines", { config: { access: "manage:email-domain:any" } }, async (request, reply) => {
    const added = (request.query as Record<string, unknown>).ajoute;
    return render(request, reply, 200, typeof added === "string" ? { added: added.slice(0, 253) } : {});
  });

  app.post("/admin/domaines", { config: { access: "manage:email-domain:any" } }, async (request, reply) => {
    const form = parseForm(addEmailDomainSchema, request.body);
    if (!form.ok) return render(request, reply, 400, { values: form.values, errors: form.errors });
    try {
      await addEmailDomain({ ...form.data, addedBy: request.user!.id });
    } catch (error) {
      if (error instanceof InvalidInputError) return render(request, reply, 409, { values: { domain: form.data.domain, organisationId: form.data.organisationId ?? "" }, errors: error.fieldErrors });
      throw error;
    }
    return reply.redirect(`/admin/domaines?ajoute=${encodeURIComponent(form.data.domain)}`, 303);
  });
}
