import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { organisations, skills, userRoles, users } from "../../db/schema/index.ts";
import type { CurrentUser, RoleGrant } from "../identity/api.ts";
import { findCurrentSeason } from "../seasons/api.ts";
import { parseParisDateTime, toParisDateInput } from "../content/api.ts";
import { openCall } from "./use-cases/open-call.ts";
import { createRequestInformation, createReviewProposal } from "./use-cases/qualify-proposal.ts";
import { createSaveProposal } from "./use-cases/save-proposal.ts";
import { createSupportProposal } from "./use-cases/support-proposal.ts";
import type { ProposalForm } from "./schemas.ts";
import type { CallsDeps } from "./deps.ts";

const dayMs = 24 * 60 * 60 * 1000;

async function account(db: Database, email: string): Promise<CurrentUser> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`Compte de démonstration absent : ${email}`);
  const roles = await db.select({ role: userRoles.role, organisationId: userRoles.organisationId }).from(userRoles).where(eq(userRoles.userId, user.id));
  return { id: user.id, email: user.email, givenName: user.givenName, usualName: user.usualName, organisationId: user.organisationId, roles: roles as RoleGrant[] };
}

async function organisationIdByAcronymOrName(db: Database, text: string): Promise<string | undefined> {
  const [byAcronym] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, text));
  if (byAcronym) return byAcronym.id;
  const [byName] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, text));
  return byName?.id;
}

async function skillId(db: Database, slug: string): Promise<string | undefined> {
  return (await db.select({ id: skills.id }).from(skills).where(eq(skills.slug, slug)))[0]?.id;
}

/**
 * The demo call: open on the current season (from 30 days ago to 18 h, Paris time, in 30 days), with
 * proposals in different states, all made through the module's use cases (mails are not sent).
 */
export async function seedDemoCall(db: Database, options: { now: Date }): Promise<void> {
  const season = await findCurrentSeason(db, options.now);
  if (!season) return;
  const opensAt = parseParisDateTime(`${toParisDateInput(new Date(options.now.getTime() - 30 * dayMs))}T09:00`)!;
  const closesAt = parseParisDateTime(`${toParisDateInput(new Date(options.now.getTime() + 30 * dayMs))}T18:00`)!;
  await openCall(db, { seasonId: season.id, title: "Appel à défis d’intérêt commun", opensAt, closesAt });

  const deps: CallsDeps = { db, clock: { now: () => options.now }, mailer: { enqueue: async () => {} }, publicUrl: "" };
  const save = createSaveProposal(deps);
  const ines = await account(db, "ines.benali@insee.fr");
  const thomas = await account(db, "thomas.leroy@ign.fr");
  const marc = await account(db, "marc.petit@numerique.gouv.fr");
  const camille = await account(db, "camille.martin@numerique.gouv.fr");
  const sophie = await account(db, "sophie.durand@interieur.gouv.fr");
  const python = await skillId(db, "python");
  const base = (title: string, sponsor: string | undefined, participating: (string | undefined)[]): ProposalForm => ({
    title,
    problem: "",
    needHolders: "",
    expectedImpact: "",
    successIndicators: "",
    dataSources: "",
    dataAccess: "",
    deliverable: "",
    milestones: "",
    upkeep: "",
    codeRepository: undefined,
    codeLicence: "EUPL 1.2",
    sponsorOrganisationId: sponsor,
    participatingOrganisationIds: participating.filter((id): id is string => Boolean(id)),
    skills: python ? [{ skillId: python, level: 2, required: true }] : [],
    version: undefined,
    answer: undefined,
  });
  const insee = await organisationIdByAcronymOrName(db, "Insee");
  const ign = await organisationIdByAcronymOrName(db, "IGN");
  const drees = await organisationIdByAcronymOrName(db, "DREES");
  const gendarmerie = await organisationIdByAcronymOrName(db, "Gendarmerie nationale");
  const dinum = await organisationIdByAcronymOrName(db, "DINUM");
  const filled = (form: ProposalForm, texts: Partial<ProposalForm>): ProposalForm => ({
    ...form,
    needHolders: "Les services statistiques ministériels et leurs directions métier.",
    expectedImpact: "Un outil commun au lieu de cinq développements séparés.",
    successIndicators: "Trois administrations l’utilisent en production à la fin de la saison.",
    dataSources: "Données ouvertes de l’Insee et de data.gouv.fr.",
    dataAccess: "Données ouvertes, sans convention.",
    deliverable: "Un paquet Python publié et documenté.",
    milestones: "Prototype en mars, version 1 en juin, démonstration à la restitution.",
    upkeep: "L’équipe porteuse le maintient et accueille les contributions.",
    ...texts,
  });

  const deserts = await save({
    user: ines,
    proposalId: null,
    intent: "submit",
    form: filled(base("Cartographier l’accès aux soins de premier recours", insee, [drees]), { problem: "Chaque agence régionale refait sa propre carte des déserts médicaux, avec des méthodes différentes." }),
  });
  await createSupportProposal(deps)({ user: thomas, proposalId: deserts.id, statement: "L’IGN calcule déjà des temps d’accès routiers\u00a0: nous pouvons les partager." });
  await createReviewProposal(deps)({ user: camille, proposalId: deserts.id, scores: { commonInterest: 3, immediateNeed: 2, openness: 3 }, comment: "Besoin partagé par plusieurs ministères.", privateNote: "À rapprocher de Cartiflette." });

  const crimes = await save({
    user: thomas,
    proposalId: null,
    intent: "submit",
    form: filled(base("Géocoder les faits de délinquance enregistrés", ign, [gendarmerie]), { problem: "Les adresses des procédures sont saisies librement et ne peuvent pas être cartographiées finement." }),
  });
  await createRequestInformation(deps)({ user: sophie, proposalId: crimes.id, question: "Les données nominatives seront-elles pseudonymisées avant le géocodage\u00a0?" });

  await save({ user: marc, proposalId: null, intent: "submit", form: filled(base("Un gabarit de tableau de bord pour les SSM", dinum, [insee]), { problem: "Chaque service statistique recrée ses tableaux de bord de suivi." }) });
  await save({ user: ines, proposalId: null, intent: "draft", form: base("Brouillon\u00a0: détecter les doublons dans les répertoires", insee, []) });
}
