import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FormValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { parisDayOf } from "../../../shared/french-date.ts";
import { NotFoundError } from "../../../shared/domain-error.ts";
import { safeFileName } from "../../../shared/safe-file-name.ts";
import type { FieldErrors } from "../../../ui/fields.tsx";
import { findCurrentSeason, listSeasons, type Season } from "../../seasons/api.ts";
import type { TenPercentDeps } from "../deps.ts";
import { registerAgreementPdfRoutes } from "../pdf/routes.ts";
import { AttestationListPage, attestationsPath, verifyPath } from "./attestation-list-page.tsx";
import { AttestationUnknownPage, AttestationVerifiedPage, AttestationVerifyFormPage } from "./attestation-verify-page.tsx";
import { normaliseAttestationCode } from "./attestation-code.ts";
import { listAgreementsOfMember } from "../agreement/agreement-repository.ts";
import { loadLedger } from "../ledger/ledger-repository.ts";
import { periodCovered } from "./attestation-facts.ts";
import { maxTypedCodeLength, noTimeToAttestError, parseIssueAttestationForm } from "./attestation-form.ts";
import { findAttestationByCode, findAttestationPdfOfMember, listAttestationsOfMember } from "./attestation-repository.ts";
import { createIssueAttestation } from "./use-cases/issue-attestation.ts";

/** Anyone may check a code, but not try codes by the thousand: 30 a minute per address. */
const verifyRateLimit = { max: 30, timeWindow: "1 minute" } as const;

/**
 * The agreement's PDF (`/conventions/:id/pdf`), the member's attestations of time contributed
 * (`/mon-10-pourcent/attestations`, issue and download their own) and their public verification by code
 * (`/attestations/verifier`), issue 16.
 */
export function registerAttestationRoutes(app: FastifyInstance, deps: TenPercentDeps) {
  const { db, clock } = deps;
  registerAgreementPdfRoutes(app, deps);
  const issueAttestation = createIssueAttestation(deps);

  /** The seasons a member may ask an attestation for: those that have started, newest first. */
  async function startedSeasons(): Promise<Season[]> {
    const today = parisDayOf(clock.now());
    return (await listSeasons(db)).filter((season) => season.startsOn <= today);
  }

  /**
   * The started seasons worth offering the member (an agreement in it, or time counted so far) and the default
   * one (the running season when offered). The others would only give an attestation of nothing.
   */
  async function offeredSeasons(userId: string): Promise<{ seasons: Season[]; defaultSlug: string }> {
    const now = clock.now();
    const today = parisDayOf(now);
    const [started, current, agreements] = await Promise.all([startedSeasons(), findCurrentSeason(db, now), listAgreementsOfMember(db, userId)]);
    const withAgreement = new Set(agreements.map((agreement) => agreement.seasonId));
    const counted = await Promise.all(started.map(async (season) => withAgreement.has(season.id) || (await loadLedger(db, userId, periodCovered(season, today))).some((line) => line.halfDays > 0)));
    const seasons = started.filter((_, index) => counted[index]);
    const defaultSlug = current && seasons.some((season) => season.id === current.id) ? current.slug : (seasons[0]?.slug ?? "");
    return { seasons, defaultSlug };
  }

  async function renderList(request: FastifyRequest, reply: FastifyReply, status: number, form: { values: FormValues; errors: FieldErrors } | null = null) {
    const userId = request.user!.id;
    const [offered, attestations] = await Promise.all([offeredSeasons(userId), listAttestationsOfMember(db, userId)]);
    const { defaultSlug } = offered;
    // A season refused for want of time stays chosen in the list, its message next to it.
    const refused = form && typeof form.values.saison === "string" && !offered.seasons.some((season) => season.slug === form.values.saison) ? (await startedSeasons()).find((season) => season.slug === form.values.saison) : undefined;
    const seasons = refused ? [...offered.seasons, refused] : offered.seasons;
    const issuedId = String(((request.query ?? {}) as Record<string, unknown>).emise ?? "");
    const model = {
      attestations,
      seasons: seasons.map((season) => ({ value: season.slug, label: season.name })),
      values: form?.values ?? { saison: defaultSlug },
      errors: form?.errors ?? {},
      issued: status === 200 ? (attestations.find((attestation) => attestation.id === issuedId) ?? null) : null,
    };
    return sendPage(reply, <AttestationListPage context={pageContext(request, reply)} model={model} />, status);
  }

  app.get(attestationsPath, { config: { access: "manage:time:own" } }, (request, reply) => renderList(request, reply, 200));

  app.post(attestationsPath, { config: { access: "manage:time:own" } }, async (request, reply) => {
    const seasons = await startedSeasons();
    const form = parseIssueAttestationForm(request.body, seasons.map((season) => season.slug));
    if (!form.ok) return renderList(request, reply, 400, form);
    const season = seasons.find((candidate) => candidate.slug === form.data.saison)!;
    const result = await issueAttestation({ userId: request.user!.id, season });
    if (!result.issued) return renderList(request, reply, 400, { values: { saison: season.slug }, errors: { saison: noTimeToAttestError } });
    return reply.redirect(`${attestationsPath}?emise=${result.id}`, 303);
  });

  app.get<{ Params: { id: string } }>(`${attestationsPath}/:id/pdf`, { config: { access: "manage:time:own" } }, async (request, reply) => {
    const found = await findAttestationPdfOfMember(db, request.user!.id, request.params.id);
    // Someone else's attestation is « not found », like an unknown one: its existence is not told.
    if (!found) throw new NotFoundError("Cette attestation n’existe pas.");
    const fileName = safeFileName(`attestation-10-pourcent-${found.facts.memberName}-${found.facts.season.slug}-${found.code}.pdf`);
    return reply.header("cache-control", "private, no-store").header("content-disposition", `attachment; filename="${fileName}"`).type("application/pdf").send(found.pdf);
  });

  app.get(verifyPath, { config: { access: "public", rateLimit: verifyRateLimit } }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    if (query.code === undefined) return sendPage(reply, <AttestationVerifyFormPage context={pageContext(request, reply)} />);
    const typed = typeof query.code === "string" ? query.code.trim().slice(0, maxTypedCodeLength) : "";
    const code = normaliseAttestationCode(typed);
    if (!code) {
      const error = typed ? "Ce code n’a pas la forme attendue\u00a0: P10 suivi de douze lettres ou chiffres, par exemple P10-7K2M-X9QD-4RTB." : "Indiquez le code de l’attestation.";
      return sendPage(reply, <AttestationVerifyFormPage context={pageContext(request, reply)} code={typed} error={error} />, 400);
    }
    return reply.redirect(`${verifyPath}/${encodeURIComponent(code)}`, 303);
  });

  app.get<{ Params: { code: string } }>(`${verifyPath}/:code`, { config: { access: "public", rateLimit: verifyRateLimit } }, async (request, reply) => {
    const typed = request.params.code.slice(0, maxTypedCodeLength);
    const code = normaliseAttestationCode(typed);
    if (code && code !== request.params.code) return reply.redirect(`${verifyPath}/${encodeURIComponent(code)}`, 301);
    const attestation = code ? await findAttestationByCode(db, code) : null;
    if (!attestation) return sendPage(reply, <AttestationUnknownPage context={pageContext(request, reply)} code={typed} />, 404);
    return sendPage(reply, <AttestationVerifiedPage context={pageContext(request, reply)} attestation={attestation} />);
  });
}
