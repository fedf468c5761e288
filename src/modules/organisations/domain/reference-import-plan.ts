import { findCycle } from "./hierarchy.ts";
import { checkSiren, checkSiret, compactDigits, siretMismatch } from "./identifiers.ts";
import { type OrganisationKind, OrganisationKinds } from "./organisation-kinds.ts";
import { normalizeLabel, ReferenceFileError, type ReferenceEntry } from "./reference-file.ts";

/** An entry that will be created or updated, with what the file says of it once checked. */
export type PlannedEntry = {
  entry: ReferenceEntry;
  /** DILA id of its parent in the file (the entry listing it as « Service Fils »), or null. */
  parentReferenceId: string | null;
  /** Depth in the file's tree, 0 for an entry without a parent in the file. */
  depth: number;
  /** The kind the referential suggests; used when the organisation is created. */
  kind: OrganisationKind;
  siren: string | null;
  siret: string | null;
  remarks: string[];
};

export type RejectedEntry = { entry: ReferenceEntry; reason: string };

/** Accepted entries come parents first, so each parent exists before its children. */
export type ImportPlan = { accepted: PlannedEntry[]; rejected: RejectedEntry[] };

/** Types of the referential that are bodies of their own (public establishments, authorities…), not services of a ministry. */
const bodyTypes = /etablissement|autorite|groupement|agence|operateur|institution|organisme|caisse|association|universite|office|juridiction/;

/**
 * The kind of an entry: a « Ministère… » (or the Prime Minister) is a ministry wherever it sits; a top
 * entry is a ministry when its type says so, a body otherwise; below, a body or a service by its type.
 */
export function kindOfEntry(entry: Pick<ReferenceEntry, "name" | "type">, hasParent: boolean): OrganisationKind {
  const name = normalizeLabel(entry.name);
  const type = normalizeLabel(entry.type);
  if (/^ministere\b/.test(name) || name === "premier ministre") return OrganisationKinds.ministry;
  if (!hasParent) return /ministere/.test(type) ? OrganisationKinds.ministry : OrganisationKinds.body;
  return bodyTypes.test(type) ? OrganisationKinds.body : OrganisationKinds.service;
}

function label(entry: ReferenceEntry): string {
  return `« ${entry.name || entry.id} » (${entry.position})`;
}

/**
 * Checks the file as a whole and decides, entry by entry, what will be imported. Throws
 * ReferenceFileError for what makes the whole file wrong: an unknown child id, a loop in the hierarchy.
 */
export function planReferenceImport(entries: readonly ReferenceEntry[]): ImportPlan {
  const rejected = new Map<number, string>();
  const byId = new Map<string, ReferenceEntry>();
  for (const entry of entries) {
    if (entry.problem) {
      rejected.set(entry.index, entry.problem[0]!.toUpperCase() + entry.problem.slice(1));
      continue;
    }
    const first = byId.get(entry.id);
    if (first) rejected.set(entry.index, `Identifiant ${entry.id} déjà utilisé par ${label(first)}.`);
    else byId.set(entry.id, entry);
  }
  const idsInFile = new Set(entries.map((entry) => entry.id).filter(Boolean));

  const parentOf = new Map<string, string | null>();
  for (const entry of byId.values()) parentOf.set(entry.id, null);
  for (const parent of byId.values()) {
    if (rejected.has(parent.index)) continue;
    for (const childId of parent.children) {
      if (childId === parent.id) throw new ReferenceFileError(`La hiérarchie du fichier boucle : ${label(parent)} est indiquée comme son propre service fils.`);
      if (!idsInFile.has(childId)) {
        throw new ReferenceFileError(`${label(parent)} a pour service fils l’identifiant ${childId}, absent du fichier. Le fichier doit contenir toutes les organisations qu’il rattache.`);
      }
      const child = byId.get(childId);
      if (!child) continue;
      const otherParent = parentOf.get(childId);
      if (otherParent && otherParent !== parent.id) {
        rejected.set(child.index, `Rattachée à deux organisations parentes : ${label(byId.get(otherParent)!)} et ${label(parent)}.`);
        continue;
      }
      parentOf.set(childId, parent.id);
    }
  }
  const cycle = findCycle(parentOf);
  if (cycle) {
    const names = [...cycle, cycle[0]!].map((id) => `« ${byId.get(id)?.name ?? id} »`);
    throw new ReferenceFileError(`La hiérarchie du fichier boucle : ${names.join(" → ")}. Une organisation ne peut pas dépendre d’elle-même.`);
  }

  // An entry below a rejected one is rejected too: imported alone, it would lose its place in the tree.
  const depthOf = new Map<string, number>();
  const depth = (id: string): number => {
    const known = depthOf.get(id);
    if (known !== undefined) return known;
    const parent = parentOf.get(id);
    const value = parent ? depth(parent) + 1 : 0;
    depthOf.set(id, value);
    return value;
  };
  const inFileOrderByDepth = [...byId.values()].sort((a, b) => depth(a.id) - depth(b.id) || a.index - b.index);
  for (const entry of inFileOrderByDepth) {
    const parentId = parentOf.get(entry.id);
    const parent = parentId ? byId.get(parentId) : undefined;
    if (parent && rejected.has(parent.index) && !rejected.has(entry.index)) rejected.set(entry.index, `Son organisation parente ${label(parent)} est rejetée.`);
  }

  const accepted: PlannedEntry[] = [];
  const sirenHolders = new Map<string, PlannedEntry>();
  for (const entry of inFileOrderByDepth) {
    if (rejected.has(entry.index)) continue;
    const parentReferenceId = parentOf.get(entry.id) ?? null;
    const planned: PlannedEntry = { entry, parentReferenceId, depth: depth(entry.id), kind: kindOfEntry(entry, parentReferenceId !== null), siren: null, siret: null, remarks: [] };
    const siren = compactDigits(entry.siren);
    const siret = compactDigits(entry.siret);
    if (siren) {
      const check = checkSiren(siren);
      if (check.ok) planned.siren = siren;
      else planned.remarks.push(`SIREN ${entry.siren} non repris : ${lowerFirst(check.message)}`);
    }
    if (siret) {
      const check = checkSiret(siret);
      const mismatch = check.ok ? siretMismatch(planned.siren, siret) : null;
      if (!check.ok) planned.remarks.push(`SIRET ${entry.siret} non repris : ${lowerFirst(check.message)}`);
      else if (mismatch) planned.remarks.push(`SIRET ${siret} non repris : ${lowerFirst(mismatch)}`);
      else planned.siret = siret;
    }
    // Services often share their ministry's SIREN (one legal unit, several establishments): the
    // highest of them keeps it (the index allows one organisation per SIREN), the others their SIRET.
    if (planned.siren) {
      const holder = sirenHolders.get(planned.siren);
      if (holder) {
        planned.remarks.push(`SIREN ${planned.siren} non repris : il est déjà celui de ${label(holder.entry)}, plus haut dans la hiérarchie ou plus tôt dans le fichier.`);
        planned.siren = null;
      } else {
        sirenHolders.set(planned.siren, planned);
      }
    }
    accepted.push(planned);
  }
  return {
    accepted,
    rejected: [...rejected].map(([index, reason]) => ({ entry: entries[index]!, reason })),
  };
}

function lowerFirst(text: string): string {
  return text[0]!.toLowerCase() + text.slice(1);
}
