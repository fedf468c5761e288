import { formatDateTime } from "../../../../shared/french-date.ts";
import { countOf } from "../../../../shared/french-plural.ts";
import { Alert } from "../../../../ui/alert.tsx";
import { CsrfField } from "../../../../ui/fields.tsx";
import { Layout } from "../../../../ui/layout.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { Table } from "../../../../ui/table.tsx";
import { frenchMonth } from "../domain/months.ts";
import type { Partner, Participation, PastPairing, RoundSummary } from "../repository.ts";

export type CafeNotice = "joined" | "left" | "round-run" | "round-already-run" | "round-too-few" | null;

const noticeTexts: Record<Exclude<CafeNotice, null>, string> = {
  joined: "C’est noté\u00a0: vous participez au café 10\u00a0%. Vous recevrez un courriel au prochain tour.",
  left: "C’est noté\u00a0: vous ne participez plus au café 10\u00a0%.",
  "round-run": "Le tour de ce mois a été lancé\u00a0: chaque participant·e a reçu un courriel.",
  "round-already-run": "Le tour de ce mois avait déjà été lancé\u00a0: rien n’a changé.",
  "round-too-few": "Il faut au moins deux participant·es pour lancer un tour\u00a0: rien n’a été fait.",
};

function PartnerName({ partner }: { partner: Partner }) {
  const label = partner.ministryName ? ` (${partner.ministryName})` : "";
  return partner.slug ? (
    <>
      <a href={`/annuaire/${encodeURIComponent(partner.slug)}`}>{partner.name}</a>
      {label}
    </>
  ) : (
    <>
      {partner.name}
      {label}
    </>
  );
}

function PartnerList({ partners }: { partners: Partner[] }) {
  return (
    <>
      {partners.map((partner, index) => (
        <span key={index}>
          {index > 0 ? (index === partners.length - 1 ? " et " : ", ") : null}
          <PartnerName partner={partner} />
        </span>
      ))}
    </>
  );
}

export type CafePageModel = {
  /** False: the member has not finished joining the community. */
  joined: boolean;
  participation: Participation | null;
  pairings: PastPairing[];
  /** « le 1er janvier 2027 », or a sentence when this month's round has not run yet. */
  nextRound: string;
  notice: CafeNotice;
};

/** `/cafe`: what the café 10 % is, the one-button opt-in or opt-out, past pairings, the next round. */
export function CafePage({ context, model }: { context: PageContext; model: CafePageModel }) {
  const active = model.participation?.active ?? false;
  return (
    <Layout context={context} title={"Café 10\u00a0%"} breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <h1>Café 10&nbsp;%</h1>
      {model.notice ? <Alert kind="success">{noticeTexts[model.notice]}</Alert> : null}
      <p className="fr-text--lead">Chaque mois, la plateforme vous fait rencontrer un membre de la communauté d’un autre ministère, pour une demi-heure, en visio ou autour d’un café.</p>
      <ul>
        <li>Jamais deux personnes du même ministère, et jamais deux fois la même rencontre dans l’année.</li>
        <li>Chacun·e reçoit un courriel avec le profil de l’autre&nbsp;; le premier ou la première qui écrit propose un créneau.</li>
        <li>Quand le nombre de participant·es est impair, une rencontre se fait à trois.</li>
        <li>Vous arrêtez quand vous voulez, d’un clic ici ou depuis le courriel.</li>
      </ul>
      {!model.joined ? (
        <Alert kind="info" title="Terminez d’abord votre inscription">
          <p>
            Le café 10&nbsp;% est ouvert aux membres de la communauté&nbsp;: votre profil est présenté à la personne que vous rencontrez. <a href="/rejoindre/inscription">Terminer mon inscription à la communauté</a>
          </p>
        </Alert>
      ) : (
        <section aria-labelledby="participation" className="fr-mb-4w">
          <h2 id="participation">Ma participation</h2>
          <p>{active ? `Vous participez au café 10\u00a0%. Prochain tour\u00a0: ${model.nextRound}.` : `Vous ne participez pas au café 10\u00a0%. Prochain tour\u00a0: ${model.nextRound}.`}</p>
          <form action={active ? "/cafe/desinscription" : "/cafe/inscription"} method="post">
            <CsrfField token={context.csrfToken} />
            <button type="submit" className={active ? "fr-btn fr-btn--secondary" : "fr-btn"}>
              {active ? "Ne plus participer au café 10\u00a0%" : "Participer au café 10\u00a0%"}
            </button>
          </form>
        </section>
      )}
      <section aria-labelledby="rencontres">
        <h2 id="rencontres">Mes cafés passés</h2>
        {model.pairings.length === 0 ? (
          <p>Pas encore de café.</p>
        ) : (
          <ul>
            {model.pairings.map((pairing) => (
              <li key={pairing.month}>
                {frenchMonth(pairing.month)}&nbsp;: <PartnerList partners={pairing.partners} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}

/** `GET /cafe/desinscription/<token>`: one button; the GET itself changes nothing. */
export function OptOutPage({ context, token, active }: { context: PageContext; token: string; active: boolean }) {
  return (
    <Layout context={context} title={"Ne plus participer au café 10\u00a0%"} breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <h1>Ne plus participer au café 10&nbsp;%</h1>
      {active ? (
        <>
          <p>Vous ne recevrez plus de proposition de rencontre. Vous pourrez participer de nouveau depuis la page Café 10&nbsp;% quand vous le souhaitez.</p>
          <form action={`/cafe/desinscription/${token}`} method="post">
            <CsrfField token={context.csrfToken} />
            <button type="submit" className="fr-btn">
              Ne plus participer au café 10&nbsp;%
            </button>
          </form>
        </>
      ) : (
        <Alert kind="info">Vous ne participez pas au café 10&nbsp;%&nbsp;: vous ne recevrez pas de proposition de rencontre.</Alert>
      )}
    </Layout>
  );
}

export function OptedOutPage({ context }: { context: PageContext }) {
  return (
    <Layout context={context} title={"Désinscription du café 10\u00a0%"} breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <h1>Désinscription du café 10&nbsp;%</h1>
      <Alert kind="success">C’est noté&nbsp;: vous ne participez plus au café 10&nbsp;%.</Alert>
      <p>
        Pour participer de nouveau, connectez-vous et rendez-vous sur la page <a href="/cafe">Café 10&nbsp;%</a>.
      </p>
    </Layout>
  );
}

export type AdminCafeModel = {
  month: string;
  byMinistry: { ministryName: string | null; count: number }[];
  rounds: RoundSummary[];
  notice: CafeNotice;
};

/** `/admin/cafe`: participants by ministry, rounds with their pairs, the button that runs this month's round. */
export function AdminCafePage({ context, model }: { context: PageContext; model: AdminCafeModel }) {
  const total = model.byMinistry.reduce((sum, row) => sum + row.count, 0);
  const thisMonthRun = model.rounds.some((round) => round.month === model.month);
  return (
    <Layout context={context} title={"Café 10\u00a0% — administration"} breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Administration", href: "/admin" }]}>
      <h1>Café 10&nbsp;%</h1>
      {model.notice ? <Alert kind={model.notice === "round-run" ? "success" : "info"}>{noticeTexts[model.notice]}</Alert> : null}
      <section aria-labelledby="participants" className="fr-mb-4w">
        <h2 id="participants">Participant·es&nbsp;: {total}</h2>
        {model.byMinistry.length > 0 ? (
          <Table caption="Participant·es par ministère" columns={["Ministère", "Participant·es"]} rowHeaders rows={model.byMinistry.map((row) => [row.ministryName ?? "Ministère non renseigné", String(row.count)])} />
        ) : (
          <p>Personne ne participe pour le moment.</p>
        )}
      </section>
      <section aria-labelledby="tour" className="fr-mb-4w">
        <h2 id="tour">Tour de {frenchMonth(model.month)}</h2>
        <p>{thisMonthRun ? "Le tour de ce mois a été lancé." : "Le tour de ce mois n’a pas encore été lancé. Il part de lui-même dans l’heure qui suit le début du mois, dès que deux membres participent."}</p>
        <form action="/admin/cafe/lancer" method="post">
          <CsrfField token={context.csrfToken} />
          <button type="submit" className="fr-btn" disabled={thisMonthRun}>
            Lancer le tour de ce mois
          </button>
        </form>
      </section>
      <section aria-labelledby="tours">
        <h2 id="tours">Tours</h2>
        {model.rounds.length === 0 ? <p>Aucun tour pour le moment.</p> : null}
        {model.rounds.map((round) => (
          <div key={round.month} className="fr-mb-3w">
            <h3>{frenchMonth(round.month)}</h3>
            <p>
              Lancé le {formatDateTime(round.ranAt)}&nbsp;: {countOf(round.pairs.length, "rencontre")}
              {round.unpairedCount > 0 ? `, ${round.unpairedCount} sans partenaire (prioritaires au tour suivant)` : ""}.
            </p>
            {round.pairs.length > 0 ? (
              <Table
                caption={`Rencontres de ${frenchMonth(round.month)}`}
                noCaption
                columns={["Rencontre", "Participant·es"]}
                rowHeaders
                rows={round.pairs.map((pair, index) => [String(index + 1), <PartnerList key={index} partners={pair} />])}
              />
            ) : null}
          </div>
        ))}
      </section>
    </Layout>
  );
}
