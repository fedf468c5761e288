import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FormValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import type { FieldErrors } from "../../../ui/fields.tsx";
import type { TenPercentDeps } from "../deps.ts";
import { AcceptedNext, SigningDonePage, SigningPage, SigningRefusedPage } from "./signing-page.tsx";
import { parseDecisionForm } from "./agreement-form.ts";
import { resolveSigningLink, type SigningLinkRefusal, signingLinkRefusalTexts } from "./agreement-links.ts";
import type { Agreement, AgreementSignature } from "./agreement-repository.ts";
import { createDecide } from "./use-cases/decide.ts";

type TokenParams = { Params: { token: string } };

/** Unknown token: 404; a link that existed but no longer opens the agreement: 410 Gone. */
function statusOfRefusal(reason: SigningLinkRefusal): number {
  return reason === "unknown" ? 404 : 410;
}

/**
 * A signatory's personal link, `/convention/signature/:token` (public: no account, no JavaScript): the
 * agreement, the charter in short, and the three choices (accept, decline with a reason, ask a question).
 */
export function registerSigningRoutes(app: FastifyInstance, deps: TenPercentDeps) {
  const { db, clock } = deps;
  const decide = createDecide(deps);

  function refuse(request: FastifyRequest, reply: FastifyReply, reason: SigningLinkRefusal, message = signingLinkRefusalTexts[reason]) {
    return sendPage(reply, <SigningRefusedPage context={pageContext(request, reply)} title="Ce lien ne permet plus de répondre" message={message} />, statusOfRefusal(reason));
  }

  function render(request: FastifyRequest<TokenParams>, reply: FastifyReply, found: { agreement: Agreement; signature: AgreementSignature }, status: number, form: { values: FormValues; errors: FieldErrors; message: string | null } = { values: {}, errors: {}, message: null }) {
    const model = { ...found, action: `/convention/signature/${request.params.token}`, ...form };
    // The personal link's page must not be kept by a shared cache. The platform's `same-origin` referrer policy
    // already keeps the link from other sites; `no-referrer` would make browsers post the form with `Origin: null`,
    // which the request protection refuses (ADR 0027).
    reply.header("cache-control", "no-store");
    return sendPage(reply, <SigningPage context={pageContext(request, reply, { form: true })} model={model} />, status);
  }

  app.get<TokenParams>("/convention/signature/:token", { config: { access: "public" } }, async (request, reply) => {
    const found = await resolveSigningLink(db, request.params.token, clock.now());
    if (!found.ok) return refuse(request, reply, found.reason);
    return render(request, reply, found, 200);
  });

  app.post<TokenParams>("/convention/signature/:token", { config: { access: "public" } }, async (request, reply) => {
    const found = await resolveSigningLink(db, request.params.token, clock.now());
    if (!found.ok) return refuse(request, reply, found.reason);
    const form = parseDecisionForm(request.body);
    if (!form.ok) return render(request, reply, found, 400, { values: form.values, errors: form.errors, message: null });
    const result = await decide({ agreement: found.agreement, signature: found.signature, version: form.data.version, choice: form.data.choice, reason: form.data.reason, via: "link" });
    if (!result.ok) return refuse(request, reply, "outdated", result.message);
    const memberName = found.agreement.terms.memberName;
    const done =
      form.data.choice === "question"
        ? { title: "Votre question est envoyée", message: `${memberName} reçoit votre question par courriel et vous répondra\u00a0; sa réponse vous parviendra par courriel avec un nouveau lien pour décider. Le lien que vous venez d’utiliser reste valable jusqu’à votre décision.` }
        : form.data.choice === "accept"
          ? { title: "Votre accord est enregistré", message: `Merci. ${memberName} est prévenu·e${result.status === "accepted" ? "\u00a0: la convention est signée" : ""}. Vous recevez une confirmation par courriel.` }
          : { title: "Votre refus est enregistré", message: `${memberName} est prévenu·e, avec la raison que vous avez indiquée.` };
    reply.header("cache-control", "no-store");
    return sendPage(
      reply,
      <SigningDonePage context={pageContext(request, reply)} title={done.title} message={done.message}>
        {form.data.choice === "accept" ? <AcceptedNext memberName={memberName} signed={result.status === "accepted"} /> : null}
      </SigningDonePage>,
      200,
    );
  });
}
