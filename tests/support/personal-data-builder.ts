import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import {
  assignmentLocks,
  cafePairMembers,
  cafePairs,
  cafeParticipants,
  cafeRounds,
  calendarFeeds,
  calls,
  contactMessages,
  contactReplies,
  contentAssets,
  contentItems,
  contentRevisions,
  devMails,
  emailDomains,
  eventRegistrations,
  eventReminders,
  events,
  eventSeries,
  participations,
  profiles,
  profileSkills,
  proposalReviews,
  proposals,
  proposalSupports,
  proposalTransitions,
  seasons,
  projects,
  projectSeasons,
  skills,
  joinRequests,
  projectNeeds,
  teamAssignments,
  teamMembers,
  userRoles,
  users,
  wishes,
  wishLists,
  organisations,
  projectReuses,
  workspaceFramings,
  workspaceLinks,
  workspaceLogEntries,
  workspaceMilestones,
  workspaceRestitutions,
  agreements,
  agreementVersions,
  agreementSignatures,
  agreementLinks,
  agreementEvents,
  timeEntries,
  attestations,
  managerSummaries,
  agreementThirdSignatories,
} from "../../src/db/schema/index.ts";
import type { HttpSession } from "./http.ts";
import { signInOverHttp } from "./http-sign-in.ts";
import type { TestPlatform } from "./test-platform.ts";

export type FilledMember = { id: string; email: string; slug: string; session: HttpSession; fullName: string };

async function waitForMails(platform: TestPlatform, to: string, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [row] = await platform.database.db.select({ count: sql<number>`count(*)::int` }).from(devMails).where(eq(devMails.to, to));
    if ((row?.count ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`${count} courriel(s) attendus pour ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A member who has left a trace in every table that holds personal data: signed in over HTTP (account,
 * role, session, sign-in link, mail job, outbox), named on /compte, with a profile, skills, a proposed
 * skill, a participation, content written as a programme team member (revision, last change, upload), an
 * e-mail domain added, and another mail queued to them. `managerOf` is given a profile naming them as manager.
 */
export async function fillPersonalData(
  platform: TestPlatform,
  person: { email: string; givenName: string; usualName: string; slug: string; managerOf?: { email: string; slug: string } },
): Promise<FilledMember> {
  const db = platform.database.db;
  const suffix = randomBytes(4).toString("hex");
  const session = await signInOverHttp(platform, person.email);
  const saved = await session.post("/compte", { givenName: person.givenName, usualName: person.usualName, organisationId: "" });
  assert.equal(saved.statusCode, 303, saved.body);
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, person.email));
  assert.ok(account, `compte de ${person.email}`);
  const id = account.id;
  const fullName = `${person.givenName} ${person.usualName}`;

  const [skill] = await db.insert(skills).values({ slug: `series-temporelles-${suffix}`, name: `Séries temporelles ${suffix}`, category: "Statistique" }).returning({ id: skills.id });
  await db.insert(skills).values({ slug: `analyse-survie-${suffix}`, name: `Analyse de survie ${suffix}`, category: "Statistique", status: "proposed", proposedBy: id });
  await db.insert(profileSkills).values({ userId: id, skillId: skill!.id, level: 3 });
  await db.insert(profiles).values({
    userId: id,
    slug: person.slug,
    jobFamily: "data_scientist",
    bio: `Je suis ${fullName}, j’aime les séries temporelles.`,
    learningWishes: "Apprendre Rust",
    forgeUrl: `https://github.com/${person.slug}`,
    tchapId: `@${person.slug}:agent.tchap.gouv.fr`,
    managerName: "Paul Responsable",
    managerEmail: "paul.responsable@insee.fr",
    visibility: "members",
    charterAcceptedAt: new Date(),
    onboardingStep: 4,
    joinedAt: new Date(),
  });
  await db.insert(participations).values({ userId: id, season: "2025", projectSlug: `tableau-energie-${suffix}`, projectTitle: "Tableau de bord énergie", role: "Membre de l’équipe" });

  await db.insert(userRoles).values({ userId: id, role: "programme_team" });
  const [item] = await db
    .insert(contentItems)
    .values({ kind: "news", slug: `note-${suffix}`, path: `/actualites/note-${suffix}`, title: "Note de l’équipe", body: "Texte.", status: "draft", updatedBy: id })
    .returning({ id: contentItems.id });
  await db.insert(contentRevisions).values({ itemId: item!.id, version: 1, snapshot: { title: "Note de l’équipe" }, authorId: id, authorLabel: fullName, note: "Création" });
  await db.insert(contentAssets).values({ path: `/medias/${suffix}/schema.png`, storageKey: `${suffix}/schema.png`, contentType: "image/png", size: 10, sha256: suffix.repeat(8), fileName: "schema.png", createdBy: id });
  await db.insert(emailDomains).values({ domain: `energie-${suffix}.fr`, addedBy: id });
  // Calls (issue 5): a season's call, a proposal written, a « Nous aussi », a review and a state change.
  const [season] = await db.insert(seasons).values({ slug: `saison-${suffix}`, name: `Saison ${suffix}`, startsOn: "2030-01-01", endsOn: "2030-12-31" }).returning({ id: seasons.id });
  const [call] = await db.insert(calls).values({ seasonId: season!.id, title: "Appel", opensAt: new Date("2030-01-01T08:00:00Z"), closesAt: new Date("2030-03-01T17:00:00Z") }).returning({ id: calls.id });
  const [proposal] = await db.insert(proposals).values({ callId: call!.id, authorId: id, title: `Proposition ${suffix}`, state: "submitted" }).returning({ id: proposals.id });
  await db.insert(proposalSupports).values({ proposalId: proposal!.id, userId: id, statement: "Nous aussi." });
  await db.insert(proposalReviews).values({ proposalId: proposal!.id, reviewerId: id, commonInterest: 2, immediateNeed: 2, openness: 2, privateNote: "Note." });
  await db.insert(proposalTransitions).values({ proposalId: proposal!.id, fromState: "draft", toState: "submitted", actorId: id });
  // Projects (issue 5): a season decision recorded by the person.
  const [project] = await db.insert(projects).values({ slug: `projet-${suffix}`, title: `Projet ${suffix}` }).returning({ id: projects.id });
  await db.insert(projectSeasons).values({ projectId: project!.id, seasonId: season!.id, entry: "selected", decidedBy: id, decisionReason: "Retenu." });

  // Events (issue 6): a series and an event created as programme team, a registration with answers checked in
  // by the person themselves, a reminder sent, the calendar feed, and a registration made without an account.
  const [series] = await db.insert(eventSeries).values({ title: `Ateliers ${suffix}`, rule: { frequency: "weekly", interval: 2, until: "2030-06-30" }, createdBy: id }).returning({ id: eventSeries.id });
  const eventTimes = { startsAt: new Date("2030-03-12T13:00:00Z"), endsAt: new Date("2030-03-12T16:00:00Z"), inPersonCapacity: 30, remoteCapacity: 100 };
  const [event] = await db.insert(events).values({ slug: `atelier-${suffix}`, kind: "atelier", title: `Atelier ${suffix}`, seriesId: series!.id, createdBy: id, questions: [{ key: "diet", label: "Régime\u00a0?", kind: "text", required: false }], ...eventTimes }).returning({ id: events.id });
  const [registration] = await db
    .insert(eventRegistrations)
    .values({ eventId: event!.id, userId: id, mode: "in_person", status: "confirmed", answers: { diet: `Végétarien (${fullName})` }, checkInToken: `qr-${suffix}`, attendedAt: new Date("2030-03-12T13:05:00Z"), attendanceMarkedBy: id })
    .returning({ id: eventRegistrations.id });
  await db.insert(eventReminders).values({ registrationId: registration!.id, kind: "two_days", sentAt: new Date("2030-03-10T13:00:00Z") });
  await db.insert(calendarFeeds).values({ userId: id, token: `flux-${suffix}`.padEnd(32, "x") });
  const [publicEvent] = await db.insert(events).values({ slug: `webinaire-${suffix}`, kind: "webinaire", title: `Webinaire ${suffix}`, audience: "public", ...eventTimes }).returning({ id: events.id });
  await db.insert(eventRegistrations).values({ eventId: publicEvent!.id, email: person.email, givenName: person.givenName, usualName: person.usualName, organisationName: "Insee", mode: "remote", status: "confirmed", answers: { diet: "Sans gluten" }, checkInToken: `qr-visiteur-${suffix}` });

  // Contact (issue 12): a message written signed in, answered by the person themselves as programme team, and
  // one written without an account with their address.
  const [message] = await db
    .insert(contactMessages)
    .values({ senderId: id, senderName: fullName, senderEmail: person.email, topic: "project", body: `Bonjour, je suis ${fullName} et je voudrais rejoindre un projet.` })
    .returning({ id: contactMessages.id });
  await db.insert(contactReplies).values({ messageId: message!.id, authorId: id, body: "Bienvenue : écrivez à l’équipe du projet." });
  await db.insert(contactMessages).values({ senderName: fullName, senderEmail: person.email, topic: "other", body: "Une question écrite sans compte." });

  // Teams (issue 14): the needs edited, wishes sent, a join request decided by the person themselves as lead, their
  // team place, a lock and a publication by them as programme team, and the café 10 %.
  await db.insert(projectNeeds).values({ projectId: project!.id, seasonId: season!.id, minSize: 2, maxSize: 5, rhythm: "remote", whyJoin: "Rejoignez-nous.", updatedBy: id });
  await db.insert(wishLists).values({ userId: id, seasonId: season!.id, state: "submitted", submittedAt: new Date() });
  await db.insert(wishes).values({ userId: id, seasonId: season!.id, rank: 1, projectId: project!.id, motivation: `Motivation de ${fullName}` });
  await db.insert(joinRequests).values({ seasonId: season!.id, projectId: project!.id, userId: id, message: "Je voudrais rejoindre l’équipe.", state: "accepted", decidedBy: id, decidedAt: new Date() });
  await db.insert(teamMembers).values({ seasonId: season!.id, projectId: project!.id, userId: id, role: "contributor", source: "join_request" });
  await db.insert(assignmentLocks).values({ seasonId: season!.id, userId: id, projectId: project!.id, lockedBy: id });
  await db.insert(teamAssignments).values({ seasonId: season!.id, settings: {}, publishedAt: new Date(), publishedBy: id });
  await db.insert(cafeParticipants).values({ userId: id, optedInAt: new Date() });
  await db.insert(cafeRounds).values({ month: "2020-01", ranAt: new Date() }).onConflictDoNothing();
  const [cafeRound] = await db.select({ id: cafeRounds.id }).from(cafeRounds).where(eq(cafeRounds.month, "2020-01"));
  const [cafePair] = await db.insert(cafePairs).values({ roundId: cafeRound!.id, size: 2 }).returning({ id: cafePairs.id });
  await db.insert(cafePairMembers).values({ pairId: cafePair!.id, roundId: cafeRound!.id, userId: id, optOutTokenHash: `builder-${suffix}` });

  // The project workspace (issue 15): a framing version written and reviewed, a milestone, a log entry, a link,
  // a reuse declared and the restitution, all by the person. The team's work is kept on erasure, without the
  // person: its texts here do not name them (what others typed is the project's record).
  await db.insert(workspaceFramings).values({ projectId: project!.id, seasonId: season!.id, version: 1, content: { problem: `Problème du projet ${suffix}` }, authorId: id, reviewedBy: id, reviewedAt: new Date(), reviewNote: "Relu." });
  await db.insert(workspaceMilestones).values({ projectId: project!.id, seasonId: season!.id, phase: "investigation", title: `Entretiens ${suffix}`, dueOn: "2030-01-15", ownerId: id, createdBy: id });
  await db.insert(workspaceLogEntries).values({ projectId: project!.id, seasonId: season!.id, eventId: event!.id, happenedOn: "2030-03-12", done: `Atelier ${suffix}`, weather: "on_track", authorId: id });
  await db.insert(workspaceLinks).values({ projectId: project!.id, seasonId: season!.id, kind: "forge", label: "Dépôt", url: `https://github.com/exemple/${suffix}`, createdBy: id });
  const [reusingOrganisation] = await db.insert(organisations).values({ name: `Direction ${suffix}`, kind: "service" }).returning({ id: organisations.id });
  await db.insert(projectReuses).values({ projectId: project!.id, organisationId: reusingOrganisation!.id, purpose: `Tableau de bord ${suffix}`, since: "2029-01-01", declaredBy: id });
  await db.insert(workspaceRestitutions).values({ projectId: project!.id, seasonId: season!.id, summary: "Restitution.", updatedBy: id });

  // « Mon 10 % » (issue 16): an agreement sent to a manager (with its personal link and audit trail), a declared
  // half-day, an attestation and a monthly summary received as a manager.
  const [agreement] = await db.insert(agreements).values({ userId: id, seasonId: season!.id, status: "sent" }).returning({ id: agreements.id });
  await db.insert(agreementVersions).values({ agreementId: agreement!.id, version: 1, shareKind: "ten_percent", halfDaysPerMonth: 2, startsOn: "2030-01-01", endsOn: "2030-06-30", memberName: fullName, memberEmail: person.email, managerName: `Manager de ${suffix}`, managerEmail: `manager-${suffix}@insee.fr`, charterVersion: "2024" });
  const [signature] = await db.insert(agreementSignatures).values({ agreementId: agreement!.id, version: 1, role: "manager", name: `Manager de ${suffix}`, email: `manager-${suffix}@insee.fr` }).returning({ id: agreementSignatures.id });
  await db.insert(agreementLinks).values({ tokenHash: `builder-link-${suffix}`, signatureId: signature!.id, expiresAt: new Date(Date.now() + 86_400_000) });
  await db.insert(agreementEvents).values({ agreementId: agreement!.id, version: 1, kind: "sent", actor: "member", actorName: fullName });
  await db.insert(timeEntries).values({ userId: id, workedOn: "2030-02-03", halfDays: 1, projectId: project!.id, description: `Analyse de données pour ${fullName}` });
  await db.insert(attestations).values({ code: `P10-TEST-${suffix}`.slice(0, 40), userId: id, seasonId: season!.id, facts: { memberName: fullName }, pdf: Buffer.from(`%PDF-1.7 ${fullName}`), sha256: "0".repeat(64) });
  await db.insert(managerSummaries).values({ managerEmail: person.email, month: "2030-01" });

  await platform.jobs.send(db, "mail.send", { to: person.email, subject: "Votre équipe", text: `Bonjour ${fullName}, votre équipe vous attend.` });
  await waitForMails(platform, person.email, 2);

  if (person.managerOf) {
    const [other] = await db.select({ id: users.id }).from(users).where(eq(users.email, person.managerOf.email));
    assert.ok(other, `compte de ${person.managerOf.email}`);
    await db
      .insert(profiles)
      .values({ userId: other.id, slug: person.managerOf.slug, managerName: fullName, managerEmail: person.email, onboardingStep: 4, joinedAt: new Date() })
      .onConflictDoUpdate({ target: profiles.userId, set: { managerName: fullName, managerEmail: person.email } });
    // The other member's agreement, accepted by the person as their manager.
    const [theirs] = await db.insert(agreements).values({ userId: other.id, seasonId: season!.id, status: "accepted" }).returning({ id: agreements.id });
    await db.insert(agreementVersions).values({ agreementId: theirs!.id, version: 1, shareKind: "half_days", halfDaysPerMonth: 3, startsOn: "2030-01-01", endsOn: "2030-06-30", memberName: "Agent du programme", memberEmail: person.managerOf.email, managerName: fullName, managerEmail: person.email, charterVersion: "2024" });
    await db.insert(agreementSignatures).values({ agreementId: theirs!.id, version: 1, role: "manager", name: fullName, email: person.email, decision: "accepted", decidedAt: new Date(), decidedVia: "link" });
    await db.insert(agreementEvents).values({ agreementId: theirs!.id, version: 1, kind: "reminded", actor: "platform", actorName: "", detail: fullName });
    await db.insert(agreementEvents).values({ agreementId: theirs!.id, version: 1, kind: "accepted", actor: "manager", actorName: fullName });
    // The person is also their ministry's third signatory (set by the programme team).
    const [ministry] = await db.insert(organisations).values({ name: `Ministère ${suffix}`, kind: "ministry" }).returning({ id: organisations.id });
    await db.insert(agreementThirdSignatories).values({ ministryId: ministry!.id, kind: "hr", name: fullName, email: person.email });
  }
  return { id, email: person.email, slug: person.slug, session, fullName };
}
