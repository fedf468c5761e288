import { Table } from "../../../ui/table.tsx";
import { formatDateTime } from "../../../shared/french-date.ts";
import { countOf } from "../../../shared/french-plural.ts";
import { Alert } from "../../../ui/alert.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";

type Mail = { id: string; to: string; subject: string; text: string; html: string | null; calendar: string | null; attachments: unknown; createdAt: Date };

/** An attachment as the outbox stored it (mail-transport.ts): content in base64, `cid` for an inline image. */
export type StoredAttachment = { filename: string; contentType: string; content: string; cid?: string | undefined };

const notice = "Boîte d’envoi locale\u00a0: aucun serveur SMTP n’est configuré, les courriels sont conservés ici (hors production).";

/** The stored attachments, skipping anything malformed (the column is JSON). */
export function attachmentsOf(mail: Pick<Mail, "attachments">): StoredAttachment[] {
  if (!Array.isArray(mail.attachments)) return [];
  return mail.attachments.filter(
    (item): item is StoredAttachment => typeof item === "object" && item !== null && typeof item.filename === "string" && typeof item.contentType === "string" && typeof item.content === "string",
  );
}

/** METHOD of an iCalendar object (REQUEST, CANCEL, PUBLISH), or null. */
export function calendarMethodOf(calendar: string): string | null {
  return /^METHOD:([A-Z-]+)\r?$/m.exec(calendar)?.[1] ?? null;
}

/**
 * The HTML part as the iframe's document: inline images (`cid:`) become data: addresses, which the page's
 * CSP allows (img-src 'self' data:), and links open in a new tab (a page of ours refuses to be framed).
 */
function previewDocument(html: string, attachments: StoredAttachment[]): string {
  let document = html;
  for (const attachment of attachments) {
    if (attachment.cid && /^image\/[\w.+-]+$/.test(attachment.contentType)) document = document.split(`cid:${attachment.cid}`).join(`data:${attachment.contentType};base64,${attachment.content}`);
  }
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(document) ? document.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : `${base}${document}`;
}

function sizeOf(base64: string): string {
  const bytes = Math.floor((base64.replace(/=+$/, "").length * 3) / 4);
  return bytes < 1024 ? countOf(bytes, "octet") : `${Math.round(bytes / 1024)}\u00a0ko`;
}

export function DevMailsPage({ context, mails }: { context: PageContext; mails: Pick<Mail, "id" | "to" | "subject" | "createdAt">[] }) {
  return (
    <Layout context={context} title="Courriels envoyés" breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <h1>Courriels envoyés</h1>
      <Alert kind="info" small>
        {notice}
      </Alert>
      {mails.length === 0 ? (
        <p>Aucun courriel pour l’instant.</p>
      ) : (
        <Table
          caption="Derniers courriels, du plus récent au plus ancien"
          columns={["Date", "Destinataire", "Objet"]}
          rows={mails.map((mail) => [formatDateTime(mail.createdAt), mail.to, <a href={`/_dev/mails/${mail.id}`}>{mail.subject}</a>])}
        />
      )}
    </Layout>
  );
}

/**
 * One message: the text part (links clickable, so the sign-in link can be followed), the HTML part rendered
 * in a sandboxed iframe (`srcdoc`: no script, no same origin, the page's CSP inherited) and as source, the
 * attachments and the calendar invitation as downloads.
 */
export function DevMailPage({ context, mail }: { context: PageContext; mail: Mail }) {
  const parts = mail.text.split(/(https?:\/\/\S+)/g);
  const attachments = attachmentsOf(mail);
  const method = mail.calendar ? calendarMethodOf(mail.calendar) : null;
  return (
    <Layout
      context={context}
      title={mail.subject}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Courriels envoyés", href: "/_dev/mails" },
      ]}
    >
      <h1>{mail.subject}</h1>
      <p>
        À&nbsp;: {mail.to}
        <br />
        Envoyé le {formatDateTime(mail.createdAt)}
      </p>
      <h2>Texte</h2>
      <div className="fr-card fr-p-3w">
        <pre className="dev-mail__text">
          {parts.map((part, index) => (/^https?:\/\//.test(part) ? <a key={index} href={part}>{part}</a> : part))}
        </pre>
      </div>
      {mail.html ? (
        <>
          <h2 className="fr-mt-4w">HTML</h2>
          <iframe
            title={`Version HTML du courriel «\u00a0${mail.subject}\u00a0»`}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            srcDoc={previewDocument(mail.html, attachments)}
            style={{ width: "100%", height: "36rem", border: "1px solid #929292", backgroundColor: "#fff" }}
          />
          <details className="fr-mt-2w">
            <summary>Source HTML</summary>
            <pre className="dev-mail__text">{mail.html}</pre>
          </details>
        </>
      ) : null}
      {attachments.length > 0 || mail.calendar ? (
        <>
          <h2 className="fr-mt-4w">Pièces jointes</h2>
          <ul>
            {attachments.map((attachment, index) => (
              <li key={`${index}-${attachment.filename}`}>
                <a href={`/_dev/mails/${mail.id}/pieces-jointes/${index}`} download={attachment.filename}>
                  {attachment.filename}
                </a>{" "}
                ({attachment.contentType}, {sizeOf(attachment.content)}
                {attachment.cid ? ", image dans le HTML" : ""})
              </li>
            ))}
            {mail.calendar ? (
              <li>
                <a href={`/_dev/mails/${mail.id}/invitation.ics`} download="invitation.ics">
                  invitation.ics
                </a>{" "}
                (text/calendar{method ? `, METHOD:${method}` : ""}, partie agenda du courriel)
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}
