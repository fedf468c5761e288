import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FormValues, keepValues, parseForm } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { NotFoundError, InvalidInputError } from "../../shared/domain-error.ts";
import { type CurrentUser, hasPermission, requirePermission } from "../identity/api.ts";
import type { PeopleDeps } from "./deps.ts";
import { formatOrganisationPath, organisationGroups, organisationPath } from "./domain/organisation-tree.ts";
import type { JoiningStep } from "./domain/profile-choices.ts";
import { isUuid } from "./domain/slugs.ts";
import { canSeeProfile } from "./domain/visibility.ts";
import { listOrganisationTree, loadOrganisations } from "./organisation-directory.ts";
import { storedSectionValues } from "./profile-form-values.ts";
import { findProfileBySlug, findProfileByUserId, listParticipations, listProfileSkills, listSkillsOffered, type Profile } from "./repository.ts";
import { organisationAndJobSchema, presentationSchema, profileSlugParamsSchema } from "./schemas.ts";
import { createSaveOrganisationAndJob } from "./use-cases/save-organisation-and-job.ts";
import { createSavePresentation } from "./use-cases/save-presentation.ts";
import { checkSkillsAndWishes, createSaveSkillsAndWishes } from "./use-cases/save-skills-and-wishes.ts";
import { joiningStepPath } from "./views/joining-page.tsx";
import { ProfileEditPage } from "./views/profile-edit-page.tsx";
import { ProfilePage, profileName, profilePath } from "./views/profile-page.tsx";

/** The one visibility rule applied to a request: a profile the viewer may not see does not exist for them. */
export function isVisibleTo(user: CurrentUser, profile: Profile): boolean {
  return canSeeProfile(
    { id: user.id, canSeeHiddenProfiles: hasPermission(user, "read:hidden-profile:any") },
    { userId: profile.userId, visibility: profile.visibility, joined: profile.joinedAt !== null, erased: profile.erased },
  );
}

/** The profile at `/annuaire/:slug` if the viewer may see it; a 404 otherwise, so that hidden profiles never leak. */
async function requireVisibleProfile(deps: PeopleDeps, request: FastifyRequest): Promise<Profile> {
  const params = profileSlugParamsSchema.safeParse(request.params);
  if (!params.success) throw new NotFoundError();
  const profile = await findProfileBySlug(deps.db, params.data.slug);
  if (!profile || !isVisibleTo(request.user!, profile)) throw new NotFoundError("Ce profil n’existe pas ou n’est pas visible.");
  return profile;
}

/** `/annuaire/:slug` (a member's profile) and `/annuaire/:slug/modifier` (its edit page). */
export function registerProfileRoutes(app: FastifyInstance, deps: PeopleDeps) {
  const saveOrganisationAndJob = createSaveOrganisationAndJob(deps);
  const saveSkillsAndWishes = createSaveSkillsAndWishes(deps);
  const savePresentation = createSavePresentation(deps);

  app.get("/annuaire/:slug", { config: { access: "read:directory" } }, async (request, reply) => {
    const user = request.user!;
    const { slug } = request.params as { slug: string };
    // `/annuaire/<account id>` leads to the readable address.
    if (isUuid(slug)) {
      const byId = await findProfileByUserId(deps.db, slug);
      if (byId && isVisibleTo(user, byId)) return reply.redirect(profilePath(byId.slug), 301);
    }
    const profile = await requireVisibleProfile(deps, request);
    const isOwner = profile.userId === user.id;
    const isTeam = hasPermission(user, "update:profile:any");
    const [organisations, skills, participations] = [await loadOrganisations(deps.db), await listProfileSkills(deps.db, profile.userId), await listParticipations(deps.db, profile.userId)];
    const path = organisationPath(organisations, profile.organisationId);
    const query = request.query as Record<string, unknown>;
    return sendPage(
      reply,
      <ProfilePage
        context={pageContext(request, reply)}
        profile={profile}
        organisationPath={path.length > 0 ? formatOrganisationPath(path) : null}
        // A proposed skill is the member's word until the programme team accepts it: only they and the team see it.
        skills={skills.filter((skill) => skill.status === "accepted" || isOwner || isTeam)}
        participations={participations}
        isOwner={isOwner}
        canEdit={hasPermission(user, "update:profile:own", { ownerId: profile.userId })}
        showManager={isOwner || isTeam}
        notice={query.bienvenue === "1" ? "welcome" : query.enregistre === "1" ? "saved" : undefined}
      />,
    );
  });

  async function renderEdit(request: FastifyRequest, reply: FastifyReply, profile: Profile, status: number, refused?: { section: JoiningStep; values: FormValues; errors: Record<string, string>; openSkillId?: string | undefined }) {
    const stored = storedSectionValues(profile, profile, await listProfileSkills(deps.db, profile.userId));
    const values = refused ? { ...stored, [refused.section]: refused.values } : stored;
    return sendPage(
      reply,
      <ProfileEditPage
        context={pageContext(request, reply)}
        slug={profile.slug}
        name={profileName(profile)}
        isOwner={profile.userId === request.user!.id}
        values={values}
        refused={refused ? { section: refused.section, errors: refused.errors } : undefined}
        openSkillId={refused?.openSkillId}
        organisations={organisationGroups(await listOrganisationTree(deps.db))}
        skills={await listSkillsOffered(deps.db, profile.userId)}
      />,
      status,
    );
  }

  /** The profile the viewer may edit: 404 when they may not even see it, 403 when they may see but not edit it. */
  async function requireEditableProfile(request: FastifyRequest): Promise<Profile> {
    const profile = await requireVisibleProfile(deps, request);
    requirePermission(request.user, "update:profile:own", { ownerId: profile.userId });
    return profile;
  }

  app.get("/annuaire/:slug/modifier", { config: { access: "update:profile:own" } }, async (request, reply) => {
    const profile = await requireEditableProfile(request);
    // A member still joining finishes the wizard first: it is the one way to join.
    if (!profile.joinedAt && profile.userId === request.user!.id) return reply.redirect(joiningStepPath(Math.min(Math.max(profile.onboardingStep, 1), 3) as JoiningStep), 303);
    return renderEdit(request, reply, profile, 200);
  });

  app.post("/annuaire/:slug/modifier", { config: { access: "update:profile:own" } }, async (request, reply) => {
    const profile = await requireEditableProfile(request);
    const userId = profile.userId;
    const section = Number((request.body as Record<string, unknown> | undefined)?.section);
    if (section !== 1 && section !== 2 && section !== 3) return renderEdit(request, reply, profile, 400);
    try {
      if (section === 1) {
        const form = parseForm(organisationAndJobSchema, request.body);
        if (!form.ok) return renderEdit(request, reply, profile, 400, { section, ...form });
        await saveOrganisationAndJob({ ...form.data, userId, mode: "edit" });
      } else if (section === 2) {
        const form = await checkSkillsAndWishes(deps.db, request.body);
        if (!form.ok) return renderEdit(request, reply, profile, 400, { section, ...form, openSkillId: form.existingSkill?.id });
        await saveSkillsAndWishes({ ...form.data, userId, mode: "edit" });
      } else {
        const form = parseForm(presentationSchema, request.body);
        if (!form.ok) return renderEdit(request, reply, profile, 400, { section, ...form });
        await savePresentation({ ...form.data, userId, mode: "edit" });
      }
    } catch (error) {
      if (error instanceof InvalidInputError) return renderEdit(request, reply, profile, 422, { section, values: keepValues(request.body), errors: error.fieldErrors });
      throw error;
    }
    return reply.redirect(`${profilePath(profile.slug)}?enregistre=1`, 303);
  });
}
