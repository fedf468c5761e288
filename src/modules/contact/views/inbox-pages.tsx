import type { ReactNode } from "react";
import { Alert } from "../../../ui/alert.tsx";
import { Badge, type BadgeKind } from "../../../ui/badge.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import { formatDateTime } from "../../../shared/french-date.ts";
import { displayName, formerMemberLabel } from "../../identity/api.ts";
import { type MessageStatus, statusLabels } from "../domain/message-states.ts";
import { topicLabels } from "../domain/topics.ts";
import type { ContactMessage, ContactReply, MessageSummary } from "../repository.ts";

/** The inbox's tabs, in the URL as `?etat=`. */
export const statusSlugs: Record<MessageStatus, string> = { new: "nouveaux", answered: "repondus", archived: "archives" };
const tabLabels: Record<MessageStatus, string> = { new: "Nouveaux", answered: "Répondus", archived: "Archivés" };
const statusBadges: Record<MessageStatus, BadgeKind> = { new: "new", answered: "success", archived: "info" };

const inboxCrumbs = [
  { label: "Accueil", href: "/" },
  { label: "Administration", href: "/admin" },
];

function plural(count: number, one: string, many: string): string {
  return count === 0 ? `Aucun ${one}` : `${count}\u00a0${count === 1 ? one : many}`;
}

/** A text as typed, its line breaks kept (React escapes it). */
function Typed({ children }: { children: string }) {
  return <p style={{ whiteSpace: "pre-line" }}>{children}</p>;
}

/** `/admin/messages`: the messages of one status, newest first, with a link to each. */
export function InboxPage({ context, status, messages, counts }: { context: PageContext; status: MessageStatus; messages: MessageSummary[]; counts: Record<MessageStatus, number> }) {
  const rows: ReactNode[][] = messages.map((message) => [
    <a href={`/admin/messages/${message.id}`} key="link">
      {formatDateTime(message.createdAt)}
    </a>,
    message.senderName,
    topicLabels[message.topic],
    message.replies === 0 ? "Aucune" : String(message.replies),
  ]);
  return (
    <Layout context={context} title={`Messages reçus (${tabLabels[status].toLowerCase()})`} breadcrumb={inboxCrumbs}>
      <h1>Messages reçus</h1>
      <p className="fr-text--lead">Les messages écrits à l’équipe depuis la page Contact. Une réponse écrite ici est envoyée par courriel à la personne et gardée avec le message.</p>
      <nav aria-label="États des messages" className="fr-mb-4w">
        <ul className="fr-btns-group fr-btns-group--inline-md">
          {(Object.keys(tabLabels) as MessageStatus[]).map((candidate) => (
            <li key={candidate}>
              <a className={candidate === status ? "fr-btn" : "fr-btn fr-btn--secondary"} href={`/admin/messages?etat=${statusSlugs[candidate]}`} aria-current={candidate === status ? "page" : undefined}>
                {`${tabLabels[candidate]} (${counts[candidate]})`}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {messages.length === 0 ? (
        <p>{status === "new" ? "Aucun nouveau message." : status === "answered" ? "Aucun message répondu en attente d’archivage." : "Aucun message archivé."}</p>
      ) : (
        <Table caption={`${tabLabels[status]}\u00a0: ${plural(messages.length, "message", "messages")}, les plus récents d’abord`} columns={["Reçu le", "De", "Sujet", "Réponses"]} rows={rows} />
      )}
    </Layout>
  );
}

export type MessageNotice = "replied" | "archived" | "reopened" | null;
const notices: Record<Exclude<MessageNotice, null>, string> = {
  replied: "Votre réponse est envoyée par courriel et gardée avec le message.",
  archived: "Le message est archivé.",
  reopened: "Le message est de retour dans la boîte.",
};

/** `/admin/messages/:id`: the message, its thread, the reply form and the archive button. */
export function MessagePage({
  context,
  message,
  replies,
  notice,
  form,
}: {
  context: PageContext;
  message: ContactMessage;
  replies: ContactReply[];
  notice: MessageNotice;
  form: { values: { body?: string }; errors: FieldErrors };
}) {
  const archived = message.status === "archived";
  const hasErrors = Object.keys(form.errors).length > 0;
  return (
    <Layout context={context} title={`Message de ${message.senderName}`} hasErrors={hasErrors} breadcrumb={[...inboxCrumbs, { label: "Messages reçus", href: `/admin/messages?etat=${statusSlugs[message.status]}` }]}>
      <h1>Message de {message.senderName}</h1>
      {notice ? <Alert kind="success" small>{notices[notice]}</Alert> : null}
      <Badge label={statusLabels[message.status]} kind={statusBadges[message.status]} />
      <dl className="fr-mt-2w">
        <dt className="fr-text--bold">Sujet</dt>
        <dd className="fr-ml-0 fr-mb-1w">{topicLabels[message.topic]}</dd>
        <dt className="fr-text--bold">De</dt>
        <dd className="fr-ml-0 fr-mb-1w">
          {message.senderName}, <a href={`mailto:${message.senderEmail}`}>{message.senderEmail}</a>
          {message.senderId ? " (membre connecté·e)" : " (sans compte)"}
        </dd>
        <dt className="fr-text--bold">Reçu le</dt>
        <dd className="fr-ml-0 fr-mb-1w">{formatDateTime(message.createdAt)}</dd>
      </dl>
      <div className="fr-callout fr-mb-4w">
        <h2 className="fr-callout__title fr-h5">Message</h2>
        <Typed>{message.body}</Typed>
      </div>

      <h2>{replies.length === 0 ? "Aucune réponse pour l’instant" : replies.length === 1 ? "Réponse" : `${replies.length}\u00a0réponses`}</h2>
      {replies.map((reply) => (
        <article className="fr-mb-3w" key={reply.id}>
          <h3 className="fr-h6">
            {reply.author ? displayName(reply.author) : formerMemberLabel}, le {formatDateTime(reply.createdAt)}
          </h3>
          <Typed>{reply.body}</Typed>
        </article>
      ))}

      {archived ? (
        <form method="post" action={`/admin/messages/${message.id}/rouvrir`}>
          <CsrfField token={context.csrfToken} />
          <p>Ce message est archivé. Rouvrez-le pour y répondre.</p>
          <ErrorSummary errors={form.errors} />
          <button className="fr-btn" type="submit">
            Rouvrir le message
          </button>
        </form>
      ) : (
        <>
          <h2>Répondre</h2>
          <ErrorSummary errors={form.errors} />
          <form method="post" action={`/admin/messages/${message.id}/repondre`} noValidate>
            <CsrfField token={context.csrfToken} />
            <TextareaField
              name="body"
              label="Votre réponse"
              hint={`Envoyée par courriel à ${message.senderEmail}, signée «\u00a0L’équipe du Programme 10\u00a0%\u00a0», et gardée ici.`}
              rows={8}
              maxLength={10_000}
              required
              value={form.values.body}
              error={form.errors.body}
            />
            <button className="fr-btn" type="submit">
              Envoyer la réponse
            </button>
          </form>
          <form method="post" action={`/admin/messages/${message.id}/archiver`} className="fr-mt-4w">
            <CsrfField token={context.csrfToken} />
            <button className="fr-btn fr-btn--secondary" type="submit">
              Archiver le message
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
