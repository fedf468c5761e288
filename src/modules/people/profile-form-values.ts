import type { FormValues } from "../../http/forms.ts";
import type { JoiningStep } from "./domain/profile-choices.ts";
import type { Profile, ProfileSkill } from "./repository.ts";
import { levelFieldName } from "./schemas.ts";

type Account = { givenName: string | null; usualName: string | null; organisationId: string | null };

/** What each section of the profile form shows before anything is typed: what is stored. */
export function storedSectionValues(account: Account, profile: Profile | null, skills: ProfileSkill[]): Record<JoiningStep, FormValues> {
  return {
    1: {
      givenName: account.givenName ?? "",
      usualName: account.usualName ?? "",
      organisationId: account.organisationId ?? "",
      unlistedOrganisation: profile?.unlistedOrganisation ?? "",
      jobFamily: profile?.jobFamily ?? "",
    },
    2: {
      ...Object.fromEntries(skills.map((skill) => [levelFieldName(skill.id), String(skill.level)])),
      learningWishes: profile?.learningWishes ?? "",
    },
    3: {
      availability: profile?.availability ?? "",
      bio: profile?.bio ?? "",
      forgeUrl: profile?.forgeUrl ?? "",
      tchapId: profile?.tchapId ?? "",
      managerName: profile?.managerName ?? "",
      managerEmail: profile?.managerEmail ?? "",
      visibility: profile?.visibility ?? "members",
      charter: profile?.charterAcceptedAt ? "oui" : "",
    },
  };
}
