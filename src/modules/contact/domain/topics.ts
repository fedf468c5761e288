/** What a message to the programme team is about: the visitor's choice on `/contact`, used to sort the inbox. */
export const ContactTopics = {
  joining: "joining",
  project: "project",
  events: "events",
  manager: "manager",
  access: "access",
  other: "other",
} as const;
export type ContactTopic = (typeof ContactTopics)[keyof typeof ContactTopics];

export const topicLabels: Record<ContactTopic, string> = {
  joining: "Rejoindre le programme",
  project: "Un projet (proposer, rejoindre, suivre)",
  events: "Les événements et les formations",
  manager: "Une question de manager ou de ressources humaines",
  access: "La connexion ou l’accès à la plateforme",
  other: "Autre demande",
};

export function isContactTopic(value: string): value is ContactTopic {
  return Object.hasOwn(topicLabels, value);
}
