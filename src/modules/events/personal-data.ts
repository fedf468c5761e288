import type { PersonalDataContribution } from "../privacy/api.ts";

/** (to be written) Registrations, answers, reminders and the calendar feed of a person. */
export const eventsPersonalData: PersonalDataContribution = {
  module: "events",
  sections: {},
  async export() {
    return {};
  },
  async erase() {},
};
