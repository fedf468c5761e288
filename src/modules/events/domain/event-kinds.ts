/** The kinds of events of the programme (product.md, "Rhythm"). */
export const eventKinds = ["bootcamp", "atelier", "formation", "webinaire", "cloture", "convivial"] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventKindLabels: Record<EventKind, { one: string; many: string }> = {
  bootcamp: { one: "Bootcamp", many: "Bootcamps" },
  atelier: { one: "Atelier", many: "Ateliers" },
  formation: { one: "Formation", many: "Formations" },
  webinaire: { one: "Webinaire", many: "Webinaires" },
  cloture: { one: "Clôture", many: "Clôtures" },
  convivial: { one: "Moment convivial", many: "Moments conviviaux" },
};

export function isEventKind(value: string): value is EventKind {
  return (eventKinds as readonly string[]).includes(value);
}

/** How one attends: on site, or by visio. */
export const attendanceModes = ["in_person", "remote"] as const;
export type AttendanceMode = (typeof attendanceModes)[number];

export const attendanceModeLabels: Record<AttendanceMode, string> = { in_person: "Sur place", remote: "À distance" };

export function isAttendanceMode(value: string): value is AttendanceMode {
  return (attendanceModes as readonly string[]).includes(value);
}

/** Who may register: anyone (visitors with their e-mail), members, or the team of a project. */
export const eventAudiences = ["public", "members", "project"] as const;
export type EventAudience = (typeof eventAudiences)[number];

export const eventAudienceLabels: Record<EventAudience, string> = {
  public: "Ouvert à tous",
  members: "Membres du programme",
  project: "Équipe d’un projet",
};

export const registrationStatuses = ["pending", "confirmed", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const registrationStatusLabels: Record<RegistrationStatus, string> = {
  pending: "En attente de confirmation de l’adresse",
  confirmed: "Inscription confirmée",
  waitlisted: "Sur liste d’attente",
  cancelled: "Inscription annulée",
};

/** A question asked at registration; `key` names the answer. */
export type EventQuestion = { key: string; label: string; kind: "text" | "choice"; required: boolean; options?: string[] };

/** The questions every event asks unless the team removes them. */
export const defaultQuestions: EventQuestion[] = [
  { key: "accessibility", label: "Avez-vous des besoins d’accessibilité\u00a0?", kind: "text", required: false },
  { key: "diet", label: "Avez-vous un régime alimentaire particulier\u00a0?", kind: "text", required: false },
];

/** A line of the agenda: « 14 h – 15 h : pitchs des projets » (times as "HH:MM", Europe/Paris). */
export type AgendaItem = { startsAt: string; endsAt?: string | undefined; title: string };
