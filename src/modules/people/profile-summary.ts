import type { Executor } from "../../db/client.ts";
import { type JobFamily, jobFamilies, type ProfileVisibility } from "./domain/profile-choices.ts";
import { findProfileByUserId } from "./repository.ts";
import { joiningStepPath } from "./views/joining-page.tsx";
import { profileName, profilePath } from "./views/profile-page.tsx";

export type ProfileSummary = {
  userId: string;
  slug: string;
  /** `/annuaire/<slug>`. */
  path: string;
  name: string;
  jobFamily: JobFamily | null;
  jobLabel: string | null;
  organisationId: string | null;
  visibility: ProfileVisibility;
  /** The wizard is finished: the profile is in the directory (for those allowed to see it). */
  joined: boolean;
  erased: boolean;
};

export async function findProfileSummary(db: Executor, userId: string): Promise<ProfileSummary | null> {
  const profile = await findProfileByUserId(db, userId);
  if (!profile) return null;
  const jobFamily = profile.jobFamily && profile.jobFamily in jobFamilies ? (profile.jobFamily as JobFamily) : null;
  return {
    userId: profile.userId,
    slug: profile.slug,
    path: profilePath(profile.slug),
    name: profileName(profile),
    jobFamily,
    jobLabel: jobFamily ? jobFamilies[jobFamily] : null,
    organisationId: profile.organisationId,
    visibility: profile.visibility,
    joined: profile.joinedAt !== null,
    erased: profile.erased,
  };
}

/** Where « Mon profil » leads a member: their profile once joined, the wizard (where they stopped) before. */
export async function findOwnProfileLink(db: Executor, userId: string): Promise<{ href: string; label: string }> {
  const profile = await findProfileByUserId(db, userId);
  if (profile?.joinedAt) return { href: profilePath(profile.slug), label: "Mon profil" };
  if (profile) return { href: joiningStepPath(Math.min(Math.max(profile.onboardingStep, 1), 3) as 1 | 2 | 3), label: "Terminer mon inscription à la communauté" };
  return { href: "/rejoindre/inscription", label: "Rejoindre la communauté" };
}

/** The manager a member named in their profile (name and public-body address), to prefill their « convention 10 % ». */
export async function findManagerOfMember(db: Executor, userId: string): Promise<{ managerName: string | null; managerEmail: string | null } | null> {
  const profile = await findProfileByUserId(db, userId);
  return profile ? { managerName: profile.managerName, managerEmail: profile.managerEmail } : null;
}
