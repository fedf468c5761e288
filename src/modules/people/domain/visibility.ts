import type { ProfileVisibility } from "./profile-choices.ts";

/** What decides whether someone may see a profile (in the directory, on its page, in an export). */
export type ProfileAudience = { userId: string; visibility: ProfileVisibility; joined: boolean; erased: boolean };
export type Viewer = { id: string; canSeeHiddenProfiles: boolean };

/**
 * The programme team sees every profile; members see joined profiles open to members, and their own.
 * An erased account (« ancien membre ») has no profile to show.
 */
export function canSeeProfile(viewer: Viewer, profile: ProfileAudience): boolean {
  if (profile.erased) return false;
  if (viewer.id === profile.userId) return true;
  if (viewer.canSeeHiddenProfiles) return true;
  return profile.joined && profile.visibility === "members";
}
