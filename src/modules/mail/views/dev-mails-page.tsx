import { Table } from "../../../ui/table.tsx";
import { formatDateTime } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";

type Mail = { id: string; to: string; subject: string; text: string; createdAt: Date };

const notice = "Boîte d’envoi locale\u00a0: aucun serveur SMTP n’est configuré, les courriels sont conservés ici (hors production).";

export function DevMailsPage({ context, mails }: { context: PageContext; mails: Mail[] }) {
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

/** One message; its links are made clickable so the sign-in link can be followed. */
export function DevMailPage({ context, mail }: { context: PageContext; mail: Mail }) {
  const parts = mail.text.split(/(https?:\/\/\S+)/g);
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
      <div className="fr-card fr-p-3w">
        <pre className="dev-mail__text">
          {parts.map((part, index) => (/^https?:\/\//.test(part) ? <a key={index} href={part}>{part}</a> : part))}
        </pre>
      </div>
    </Layout>
  );
}
