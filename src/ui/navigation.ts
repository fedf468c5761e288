import type { PageUser } from "./page-context.ts";

export type NavigationItem = { label: string; href: string };

/** The main menu, in the order of the programme's site; later modules add their entries here. */
export function mainNavigation(user: PageUser | null): NavigationItem[] {
  const items: NavigationItem[] = [
    { label: "Accueil", href: "/" },
    { label: "Le programme", href: "/programme" },
    { label: "Actualités", href: "/actualites" },
    { label: "Projets", href: "/projets" },
    { label: "Formations", href: "/formations" },
    { label: "Événements", href: "/evenements" },
    { label: "Ressources", href: "/ressources" },
    { label: "Rejoindre", href: "/rejoindre" },
  ];
  // Every signed-in account is a member, and members may read the directory.
  if (user) items.push({ label: "Trouver un expert", href: "/annuaire" });
  // The account is the header's link with the person's name, not an entry here: with it the programme
  // team's eleven entries no longer fit on one line at 1280 px.
  if (user?.canAdminister) items.push({ label: "Administration", href: "/admin" });
  // The ministry data administrator has no administration hub: her review table is her entry (the team
  // reaches it from /admin).
  else if (user?.canReviewProposals) items.push({ label: "Qualification des propositions", href: "/appel-a-projets/qualification" });
  return items;
}

export function isCurrent(item: NavigationItem, path: string): boolean {
  if (item.href.includes("#")) return false;
  return item.href === "/" ? path === "/" : path === item.href || path.startsWith(`${item.href}/`);
}
