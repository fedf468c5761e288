import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FormValues, keepValues, parseForm } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { InvalidInputError, NotFoundError } from "../../shared/domain-error.ts";
import type { PeopleDeps } from "./deps.ts";
import { organisationGroups } from "./domain/organisation-tree.ts";
import { finishedOnboardingStep, type JoiningStep } from "./domain/profile-choices.ts";
import { listOrganisationTree } from "./organisation-directory.ts";
import { storedSectionValues } from "./profile-form-values.ts";
import { findProfileByUserId, listProfileSkills, listSkillsOffered, type Profile } from "./repository.ts";
import { organisationAndJobSchema, presentationWithCharterSchema } from "./schemas.ts";
import { createSaveOrganisationAndJob } from "./use-cases/save-organisation-and-job.ts";
import { createSavePresentation } from "./use-cases/save-presentation.ts";
import { checkSkillsAndWishes, createSaveSkillsAndWishes } from "./use-cases/save-skills-and-wishes.ts";
import { charterPath } from "./views/charter-page.tsx";
import { JoiningPage, joiningStepPath } from "./views/joining-page.tsx";
import { profilePath } from "./views/profile-page.tsx";

const access = { access: "update:profile:own" } as const;

/** The step a member may fill now: the saved one, or an earlier one (« Précédent »), never a later one. */
function allowedStep(profile: Profile | null): JoiningStep {
  return Math.min(Math.max(profile?.onboardingStep ?? 1, 1), 3) as JoiningStep;
}

function stepOf(params: unknown): JoiningStep {
  const step = Number((params as { step?: string }).step);
  if (step !== 1 && step !== 2 && step !== 3) throw new NotFoundError();
  return step;
}

/** `/rejoindre/inscription`: the joining wizard « Rejoindre la communauté », three steps each saved on its own. */
export function registerJoiningRoutes(app: FastifyInstance, deps: PeopleDeps) {
  const saveOrganisationAndJob = createSaveOrganisationAndJob(deps);
  const saveSkillsAndWishes = createSaveSkillsAndWishes(deps);
  const savePresentation = createSavePresentation(deps);

  async function render(request: FastifyRequest, reply: FastifyReply, step: JoiningStep, status: number, submitted?: { values: FormValues; errors: Record<string, string>; openSkillId?: string | undefined }) {
    const user = request.user!;
    const profile = await findProfileByUserId(deps.db, user.id);
    const values = submitted?.values ?? storedSectionValues(user, profile, profile ? await listProfileSkills(deps.db, user.id) : [])[step];
    const context = pageContext(request, reply);
    const page =
      step === 1 ? (
        <JoiningPage context={context} step={1} values={values} errors={submitted?.errors} organisations={organisationGroups(await listOrganisationTree(deps.db))} />
      ) : step === 2 ? (
        <JoiningPage context={context} step={2} values={values} errors={submitted?.errors} skills={await listSkillsOffered(deps.db, user.id)} openSkillId={submitted?.openSkillId} />
      ) : (
        <JoiningPage context={context} step={3} values={values} errors={submitted?.errors} charterHref={charterPath} />
      );
    return sendPage(reply, page, status);
  }

  /** Where a member goes instead of `step`: the edit page once joined, the saved step if `step` is ahead of it. */
  function redirectionFor(profile: Profile | null, step: JoiningStep): string | null {
    if (profile?.joinedAt || profile?.onboardingStep === finishedOnboardingStep) return `${profilePath(profile.slug)}/modifier`;
    const allowed = allowedStep(profile);
    return step > allowed ? joiningStepPath(allowed) : null;
  }

  app.get("/rejoindre/inscription", { config: access }, async (request, reply) => {
    const profile = await findProfileByUserId(deps.db, request.user!.id);
    if (profile?.joinedAt) return reply.redirect(profilePath(profile.slug), 303);
    return reply.redirect(joiningStepPath(allowedStep(profile)), 303);
  });

  app.get("/rejoindre/inscription/etape-:step", { config: access }, async (request, reply) => {
    const step = stepOf(request.params);
    const redirection = redirectionFor(await findProfileByUserId(deps.db, request.user!.id), step);
    if (redirection) return reply.redirect(redirection, 303);
    return render(request, reply, step, 200);
  });

  app.post("/rejoindre/inscription/etape-:step", { config: access }, async (request, reply) => {
    const step = stepOf(request.params);
    const userId = request.user!.id;
    const redirection = redirectionFor(await findProfileByUserId(deps.db, userId), step);
    if (redirection) return reply.redirect(redirection, 303);
    try {
      if (step === 1) {
        const form = parseForm(organisationAndJobSchema, request.body);
        if (!form.ok) return render(request, reply, step, 400, form);
        await saveOrganisationAndJob({ ...form.data, userId, mode: "wizard" });
        return reply.redirect(joiningStepPath(2), 303);
      }
      if (step === 2) {
        const form = await checkSkillsAndWishes(deps.db, request.body);
        if (!form.ok) return render(request, reply, step, 400, { ...form, openSkillId: form.existingSkill?.id });
        await saveSkillsAndWishes({ ...form.data, userId, mode: "wizard" });
        return reply.redirect(joiningStepPath(3), 303);
      }
      const form = parseForm(presentationWithCharterSchema, request.body);
      if (!form.ok) return render(request, reply, step, 400, form);
      await savePresentation({ ...form.data, userId, mode: "wizard" });
      const profile = await findProfileByUserId(deps.db, userId);
      return reply.redirect(`${profilePath(profile!.slug)}?bienvenue=1`, 303);
    } catch (error) {
      if (error instanceof InvalidInputError) return render(request, reply, step, 422, { values: keepValues(request.body), errors: error.fieldErrors });
      throw error;
    }
  });
}
