import type { FastifyInstance, FastifyRequest } from "fastify";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { formatLongDate } from "../../../shared/french-date.ts";
import { NotFoundError } from "../../../shared/domain-error.ts";
import { findProfileSummary } from "../../people/api.ts";
import type { TeamsDeps } from "../deps.ts";
import { addMonths, parisMonthOf } from "./domain/months.ts";
import { registerMonthlyCafeRound } from "./monthly-round.ts";
import { countParticipantsByMinistry, findParticipation, findRound, listPairingsOf, listRounds } from "./repository.ts";
import { createRunCafeRound } from "./use-cases/run-cafe-round.ts";
import { createJoinCafe, createLeaveCafe, createLeaveCafeByToken, findUserIdByOptOutToken, ProfileNotJoinedError } from "./use-cases/set-cafe-participation.ts";
import { AdminCafePage, type CafeNotice, CafePage, OptedOutPage, OptOutPage } from "./views/cafe-pages.tsx";

const memberAccess = { access: "join:cafe" } as const;
const teamAccess = { access: "manage:team:any" } as const;
/** The one-click opt-out is open to anyone holding a mailed token: limited per IP so tokens cannot be tried in bulk. */
const tokenRateLimit = { max: 30, timeWindow: "10 minutes" } as const;

const notices: Record<string, Exclude<CafeNotice, null>> = {
  inscrit: "joined",
  desinscrit: "left",
  lance: "round-run",
  "deja-lance": "round-already-run",
  "trop-peu": "round-too-few",
};

function noticeOf(request: FastifyRequest): CafeNotice {
  const value = (request.query as Record<string, unknown> | undefined)?.fait;
  return typeof value === "string" ? (notices[value] ?? null) : null;
}

/** « le 1er janvier 2027 » once this month's round ran; before, it runs within the hour. */
function nextRoundText(month: string, thisMonthRun: boolean): string {
  if (!thisMonthRun) return "dans l’heure qui vient, dès que deux membres participent";
  const [year, monthNumber] = addMonths(month, 1).split("-").map(Number) as [number, number];
  // Noon UTC on the 1st is the 1st in Paris too.
  return `le ${formatLongDate(new Date(Date.UTC(year, monthNumber - 1, 1, 12)))}`;
}

/**
 * « Café 10 % »: the member's page `/cafe` (opt in or out, past pairings), the one-click opt-out from a
 * mail, the programme team's `/admin/cafe` with the button that runs this month's round; and the hourly
 * check that runs the month's round by itself.
 */
export function registerCafeRoutes(app: FastifyInstance, deps: TeamsDeps) {
  const { db } = deps;
  const joinCafe = createJoinCafe(deps);
  const leaveCafe = createLeaveCafe(deps);
  const leaveCafeByToken = createLeaveCafeByToken(deps);
  const runCafeRound = createRunCafeRound(deps);

  app.get("/cafe", { config: memberAccess }, async (request, reply) => {
    const userId = request.user!.id;
    const month = parisMonthOf(deps.clock.now());
    const [profile, participation, pairings, round] = await Promise.all([findProfileSummary(db, userId), findParticipation(db, userId), listPairingsOf(db, userId), findRound(db, month)]);
    const joined = Boolean(profile?.joined && !profile.erased);
    return sendPage(reply, <CafePage context={pageContext(request, reply, { form: true })} model={{ joined, participation, pairings, nextRound: nextRoundText(month, round !== null), notice: noticeOf(request) }} />);
  });

  app.post("/cafe/inscription", { config: memberAccess }, async (request, reply) => {
    try {
      await joinCafe(request.user!.id);
    } catch (error) {
      if (error instanceof ProfileNotJoinedError) return reply.redirect("/cafe", 303);
      throw error;
    }
    return reply.redirect("/cafe?fait=inscrit", 303);
  });

  app.post("/cafe/desinscription", { config: memberAccess }, async (request, reply) => {
    await leaveCafe(request.user!.id);
    return reply.redirect("/cafe?fait=desinscrit", 303);
  });

  app.get<{ Params: { token: string } }>("/cafe/desinscription/:token", { config: { access: "public", rateLimit: tokenRateLimit } }, async (request, reply) => {
    const userId = await findUserIdByOptOutToken(deps, request.params.token);
    if (!userId) throw new NotFoundError("Ce lien de désinscription n’est pas valable.");
    const participation = await findParticipation(db, userId);
    return sendPage(reply, <OptOutPage context={pageContext(request, reply, { form: true })} token={request.params.token} active={participation?.active ?? false} />);
  });

  app.post<{ Params: { token: string } }>("/cafe/desinscription/:token", { config: { access: "public", rateLimit: tokenRateLimit } }, async (request, reply) => {
    await leaveCafeByToken(request.params.token);
    return reply.redirect("/cafe/desinscrit", 303);
  });

  app.get("/cafe/desinscrit", { config: { access: "public" } }, async (request, reply) => sendPage(reply, <OptedOutPage context={pageContext(request, reply)} />));

  app.get("/admin/cafe", { config: teamAccess }, async (request, reply) => {
    const [byMinistry, rounds] = await Promise.all([countParticipantsByMinistry(db), listRounds(db)]);
    return sendPage(reply, <AdminCafePage context={pageContext(request, reply, { form: true })} model={{ month: parisMonthOf(deps.clock.now()), byMinistry, rounds, notice: noticeOf(request) }} />);
  });

  app.post("/admin/cafe/lancer", { config: teamAccess }, async (_request, reply) => {
    const outcome = await runCafeRound();
    const done = { ran: "lance", already_run: "deja-lance", too_few: "trop-peu" }[outcome.status];
    return reply.redirect(`/admin/cafe?fait=${done}`, 303);
  });

  // Not a route: the month's round runs by itself at the first hourly check of the month (ADR 0032).
  registerMonthlyCafeRound(app, deps);
}
