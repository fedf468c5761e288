import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import { mayEnter, openRoleSession, type RoleSession, testRoles } from "./support/roles.ts";
import { createRouteTable, databaseFingerprint, fillRoute, fingerprintChanges, loadSampleParams, type RegisteredRoute } from "./support/route-table.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

// Every route Fastify registered × every role (ADR 0029): the declared access answers, never a 5xx,
// and nothing is written by a refused request. A route added tomorrow is walked the day it is added.

const table = createRouteTable();
let platform: TestPlatform;
let routes: RegisteredRoute[];
let sessions: RoleSession[];
let paramsFor: Awaited<ReturnType<typeof loadSampleParams>>;

before(async () => {
  platform = await startTestPlatform({ onRoute: table.observe });
  routes = table.routes();
  sessions = [];
  for (const role of testRoles) sessions.push(await openRoleSession(platform, role));
  paramsFor = await loadSampleParams(platform.database.db, routes);
});

after(async () => {
  await platform.stop();
});

/** A POST carries the session's valid CSRF token and nothing else, so the access check is what answers. */
function send(session: RoleSession, route: RegisteredRoute): Promise<LightMyRequestResponse> {
  const url = fillRoute(route.url, paramsFor(route));
  return route.method === "GET" ? session.http.get(url) : session.http.post(url, {}, { csrf: session.csrf });
}

function describeCall(session: RoleSession, route: RegisteredRoute, response: LightMyRequestResponse): string {
  return `${route.method} ${route.url} (${String(route.access)}) en tant que ${session.role.name} : ${response.statusCode} ${response.headers.location ?? ""}`;
}

/**
 * Routes whose handler refuses the sample resource to a role the route lets in, on purpose: each says why.
 * Keep this list short; a new entry is a decision to explain, not a way to make the test pass.
 */
const refusedOnTheResource = new Map<string, string>([
  ["GET /evenements/:slug/inscription", "the sample event is for members: a visitor is asked to sign in (public events take visitors)"],
  ["POST /evenements/:slug/inscription", "the same, for the form sent"],
  ["GET /pointage/:token", "a signed-in person scanning a QR code learns that only the team checks in (403 page)"],
  ["GET /projets/:slug/equipe-recherchee", "only the project's lead in that season or the programme team: a member who does not lead the sample project gets 403"],
  ["POST /projets/:slug/equipe-recherchee", "the same, for the form sent"],
  ["GET /projets/:slug/equipe", "« Gérer l'équipe »: only the project's lead, its coaches (to read) or the programme team (403 for other members)"],
  ["POST /projets/:slug/equipe/demandes/:id", "the same, for a decision on a join request"],
  ["GET /projets/:slug/espace", "the project workspace: only its team, its coaches, the AMDs of a ministry involved and the programme team (403 for other members)"],
  ["GET /projets/:slug/espace/cadrage", "the same, for the framing"],
  ["POST /projets/:slug/espace/cadrage", "the same; editing is for the season's team and the programme team"],
  ["GET /projets/:slug/espace/cadrage/versions", "the same, for the framing's versions"],
  ["GET /projets/:slug/espace/cadrage/comparer", "the same, for the comparison of two versions"],
  ["POST /projets/:slug/espace/cadrage/relecture", "the framing's review: only the project's coaches and the programme team"],
  ["GET /projets/:slug/espace/jalons", "the same, for the milestones"],
  ["POST /projets/:slug/espace/jalons", "the same; editing is for the season's team and the programme team"],
  ["POST /projets/:slug/espace/jalons/:id/etat", "the same, for a milestone's state"],
  ["POST /projets/:slug/espace/jalons/:id/supprimer", "the same, for deleting a milestone"],
  ["GET /projets/:slug/espace/journal", "the same, for the log"],
  ["POST /projets/:slug/espace/journal", "the same; editing is for the season's team and the programme team"],
  ["GET /projets/:slug/espace/liens", "the same, for the links and files"],
  ["POST /projets/:slug/espace/liens", "the same; editing is for the season's team and the programme team"],
  ["POST /projets/:slug/espace/liens/fichier", "the same, for a file uploaded"],
  ["POST /projets/:slug/espace/liens/:id/retirer", "the same, for removing a link"],
  ["GET /projets/:slug/espace/fichiers/:id", "a workspace file: public when its link is, otherwise only for whom may read the workspace"],
  ["GET /projets/:slug/espace/restitution", "the same, for the restitution"],
  ["POST /projets/:slug/espace/restitution", "the same; editing is for the season's team and the programme team"],
  ["GET /projets/:slug/espace/restitution/support", "the restitution's slides file, public once given (404 when there is none)"],
  ["GET /conventions/:id", "a member's « convention 10 % » (the sample is Inès Benali's): only the member, its signatories signed in with the address it names, and the programme team (403 for other members)"],
  ["GET /conventions/:id/pdf", "the same, for the agreement's PDF"],
  ["POST /conventions/:id/terminer", "the same; ending is for the member, the manager and the programme team"],
  ["POST /conventions/:id/decision", "a decision is for a signatory of the current version signed in with its address (403 for the member herself, the programme team and others)"],
  ["GET /mes-agents/:agreementId", "an agent's ledger: only the agreement's current manager or third signatory and the programme team (the member is sent to her own ledger, others 403)"],
  ["POST /projets/:slug/reutilisations", "« Nous l'utilisons » is declared for one's own organisation (a member without one is told)"],
  ["POST /projets/:slug/reutilisations/:id/retirer", "a reuse is withdrawn by its declarer or the programme team"],
]);

/** Sign-out ends the session the other calls need: it goes last. */
const endsTheSession = (route: RegisteredRoute) => route.method === "POST" && route.url === "/deconnexion";

test("Fastify's route table holds the application's routes, each declaring who may call it", () => {
  assert.ok(routes.length > 100, `seulement ${routes.length} routes lues`);
  for (const expected of ["GET /", "GET /admin", "POST /contact", "GET /admin/messages/:id", "GET /annuaire/:slug/modifier", "GET /healthz"]) {
    assert.ok(routes.some((route) => `${route.method} ${route.url}` === expected), `${expected} absente de la table des routes`);
  }
  const undeclared = routes.filter((route) => !route.access);
  assert.deepEqual(undeclared.map((route) => `${route.method} ${route.url}`), [], "des routes ne déclarent pas config.access");
});

test("every route refuses the roles its declared access leaves out (401 or sign-in, 403), writing nothing", async () => {
  const failures: string[] = [];
  let refusedCalls = 0;
  for (const route of routes) {
    const refused = sessions.filter((session) => route.access && !mayEnter(session.role, route.access));
    if (refused.length === 0) continue;
    const before = await databaseFingerprint(platform.database.db);
    for (const session of refused) {
      const response = await send(session, route);
      refusedCalls += 1;
      const location = String(response.headers.location ?? "");
      const answered = session.role.email
        ? response.statusCode === 403
        : route.method === "GET"
          ? [302, 303].includes(response.statusCode) && location.startsWith("/connexion")
          : response.statusCode === 401;
      if (!answered) failures.push(describeCall(session, route, response));
    }
    const changes = fingerprintChanges(before, await databaseFingerprint(platform.database.db));
    if (changes.length > 0) failures.push(`${route.method} ${route.url} refusée a écrit : ${changes.join(", ")}`);
  }
  assert.ok(refusedCalls > 200, `seulement ${refusedCalls} appels refusés`);
  assert.deepEqual(failures, []);
});

test("every route lets in the roles its declared access names, without a 5xx", async () => {
  const failures: string[] = [];
  const ordered = [...routes.filter((route) => !endsTheSession(route)), ...routes.filter(endsTheSession)];
  for (const route of ordered) {
    for (const session of sessions.filter((candidate) => route.access && mayEnter(candidate.role, route.access))) {
      const response = await send(session, route);
      const location = String(response.headers.location ?? "");
      const refusedAtTheDoor = response.statusCode === 401 || (response.statusCode >= 300 && response.statusCode < 400 && location.startsWith("/connexion?retour"));
      // An `:own` permission lets the role in; the handler then refuses someone else's resource (the sample's).
      const refusedTheResource = response.statusCode === 403 && !String(route.access).endsWith(":own");
      const explained = refusedOnTheResource.has(`${route.method} ${route.url}`) && response.statusCode < 500;
      if (response.statusCode >= 500 || ((refusedAtTheDoor || refusedTheResource) && !explained)) failures.push(describeCall(session, route, response));
    }
  }
  assert.deepEqual(failures, []);
});
