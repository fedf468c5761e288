import { asc, eq, sql } from "drizzle-orm";
import { contentAssets, contentItems, contentRevisions } from "../../db/schema/index.ts";
import { formerMemberLabel } from "../identity/api.ts";
import type { PersonalDataContribution } from "../privacy/api.ts";
import { kindLabels } from "./domain/content-item.ts";

const kindNames = Object.fromEntries(Object.entries(kindLabels).map(([kind, label]) => [kind, label.one.charAt(0).toUpperCase() + label.one.slice(1)]));

/**
 * What the programme team member wrote in the editor: revisions they authored, items they changed last,
 * images they uploaded. The content itself is the programme's and stays; on erasure the history shows
 * « Ancien membre » instead of the name (`author_label`), and the links stay on the anonymised account.
 */
export const contentPersonalData: PersonalDataContribution = {
  module: "content",
  sections: {
    content_revisions: {
      title: "Contributions au contenu (révisions)",
      purpose: "L’historique des contenus du site\u00a0: chaque version enregistrée porte le nom de son auteur ou autrice.",
      columns: { item_title: "Contenu", version: "Version", author_label: "Auteur ou autrice affiché", note: "Nature", created_at: "Enregistrée le" },
    },
    content_items: {
      title: "Contenus modifiés en dernier par vous",
      purpose: "Savoir qui a fait la dernière modification d’un contenu.",
      columns: { title: "Contenu", kind: "Type", path: "Adresse", updated_at: "Modifié le" },
      valueLabels: { kind: kindNames },
    },
    content_assets: {
      title: "Images et fichiers déposés",
      purpose: "Savoir qui a déposé un fichier du site.",
      columns: { file_name: "Fichier", path: "Adresse", created_at: "Déposé le" },
    },
  },

  async export(db, person) {
    return {
      content_revisions: await db
        .select({
          id: contentRevisions.id,
          item_id: contentRevisions.itemId,
          item_title: sql<string | null>`(select ${contentItems.title} from ${contentItems} where ${contentItems.id} = ${contentRevisions.itemId})`,
          version: contentRevisions.version,
          author_id: contentRevisions.authorId,
          author_label: contentRevisions.authorLabel,
          note: contentRevisions.note,
          created_at: contentRevisions.createdAt,
        })
        .from(contentRevisions)
        .where(eq(contentRevisions.authorId, person.id))
        .orderBy(asc(contentRevisions.createdAt)),
      content_items: await db
        .select({ id: contentItems.id, kind: contentItems.kind, title: contentItems.title, path: contentItems.path, updated_by: contentItems.updatedBy, updated_at: contentItems.updatedAt })
        .from(contentItems)
        .where(eq(contentItems.updatedBy, person.id))
        .orderBy(asc(contentItems.updatedAt)),
      content_assets: await db
        .select({ id: contentAssets.id, path: contentAssets.path, file_name: contentAssets.fileName, created_by: contentAssets.createdBy, created_at: contentAssets.createdAt })
        .from(contentAssets)
        .where(eq(contentAssets.createdBy, person.id))
        .orderBy(asc(contentAssets.createdAt)),
    };
  },

  async erase(tx, person) {
    await tx.update(contentRevisions).set({ authorLabel: formerMemberLabel }).where(eq(contentRevisions.authorId, person.id));
  },
};
