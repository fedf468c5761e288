import { formatDateTime } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CheckboxField, CsrfField, ErrorSummary, type FieldErrors, InputField, RadioGroup, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import { criteria } from "../domain/criteria.ts";
import { type ProposalState, stateLabel } from "../domain/proposal-states.ts";
import type { ReviewAccess } from "../domain/review-rights.ts";
import type { ProposalWithAuthor } from "../repository.ts";

export type SupportView = { userId: string; name: string; organisationName: string | null; statement: string; createdAt: Date };
export type TransitionView = { fromState: string; toState: string; message: string | null; conflictDeclared: boolean; createdAt: Date; actorName: string | null };
export type ReviewView = { reviewerId: string; reviewerName: string; commonInterest: number; immediateNeed: number; openness: number; comment: string; privateNote: string | null; updatedAt: Date };

type Names = { skills: Map<string, string>; organisations: Map<string, string> };

const levelLabels: Record<number, string> = { 1: "curieux·se", 2: "je connais", 3: "expert·e" };

function ProposalDetails({ proposal, names }: { proposal: ProposalWithAuthor; names: Names }) {
  const section = (label: string, value: string | null) => (
    <>
      <dt className="fr-text--bold fr-mt-2w">{label}</dt>
      <dd style={{ whiteSpace: "pre-line", marginLeft: 0 }}>{value || "—"}</dd>
    </>
  );
  return (
    <dl>
      {section("Problème", proposal.problem)}
      {section("Qui a le besoin", proposal.needHolders)}
      {section("Impact attendu", proposal.expectedImpact)}
      {section("Indicateurs de succès", proposal.successIndicators)}
      {section("Sources de données", proposal.dataSources)}
      {section("Accès aux données", proposal.dataAccess)}
      {section("Dépôt de code", proposal.codeRepository)}
      {section("Licence", proposal.codeLicence)}
      {section(
        "Compétences recherchées",
        proposal.skillsSought.map((skill) => `${names.skills.get(skill.skillId) ?? "Compétence"} (${levelLabels[skill.level] ?? ""}, ${skill.required ? "indispensable" : "souhaitée"})`).join("\n"),
      )}
      {section("Livrable", proposal.deliverable)}
      {section("Jalons de la saison", proposal.milestones)}
      {section("Maintien après la saison", proposal.upkeep)}
      {section("Organisation qui porte la proposition", proposal.sponsorOrganisationId ? (names.organisations.get(proposal.sponsorOrganisationId) ?? "—") : null)}
      {section("Organisations participantes", proposal.participatingOrganisationIds.map((id) => names.organisations.get(id) ?? "—").join("\n"))}
    </dl>
  );
}

function History({ transitions }: { transitions: TransitionView[] }) {
  if (transitions.length === 0) return null;
  return (
    <>
      <h2 className="fr-h4 fr-mt-4w">Historique</h2>
      <ul>
        {transitions.map((transition, index) => (
          <li key={index}>
            {formatDateTime(transition.createdAt)}&nbsp;: {stateLabel(transition.fromState as ProposalState)} → {stateLabel(transition.toState as ProposalState)}
            {transition.actorName ? `, par ${transition.actorName}` : ""}
            {transition.conflictDeclared ? " (conflit d’intérêts déclaré)" : ""}
            {transition.message ? ` — «\u00a0${transition.message}\u00a0»` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}

export type ProposalPageProps = {
  context: PageContext;
  proposal: ProposalWithAuthor;
  names: Names;
  supports: SupportView[];
  supportingOrganisations: number;
  transitions: TransitionView[];
  canEdit: boolean;
  canReview: boolean;
  /** Why the signed-in person cannot support, or null when the form is shown. */
  supportBlocked: string | null;
  alreadySupported: boolean;
  /** The viewer supports it and the proposal is not decided yet: « Retirer mon soutien » is offered. */
  canWithdrawSupport: boolean;
  values?: { statement?: string };
  errors?: FieldErrors;
  notice?: string | null;
};

/** The decision in force was taken under a declared conflict of interest (ADR 0025). */
function decidedWithConflict(proposal: ProposalWithAuthor, transitions: TransitionView[]): boolean {
  return transitions.findLast((transition) => transition.toState === proposal.state)?.conflictDeclared ?? false;
}

export function ProposalPage(props: ProposalPageProps) {
  const { context, proposal, names, supports, supportingOrganisations, transitions, errors = {} } = props;
  return (
    <Layout context={context} title={proposal.title} breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Appel à projets", href: "/appel-a-projets" }]}>
      <h1>{proposal.title}</h1>
      <p>
        <span className="fr-badge fr-badge--info fr-badge--no-icon">{stateLabel(proposal.state as ProposalState)}</span> Proposée par {proposal.authorName}
        {proposal.authorOrganisationName ? ` (${proposal.authorOrganisationName})` : ""}
        {proposal.submittedAt ? `, déposée le ${formatDateTime(proposal.submittedAt)}` : ""}.
      </p>
      {props.notice ? <Alert kind="success" title={props.notice} /> : null}
      {proposal.state === "information_requested" && proposal.informationRequest && props.canEdit ? (
        <Alert kind="warning" title="Des informations vous sont demandées">
          <p>{proposal.informationRequest}</p>
        </Alert>
      ) : null}
      {proposal.decisionReason && (proposal.state === "selected" || proposal.state === "declined") ? (
        <Alert kind={proposal.state === "selected" ? "success" : "info"} title={proposal.state === "selected" ? "Proposition retenue" : "Proposition non retenue"}>
          <p>{proposal.decisionReason}</p>
          {decidedWithConflict(proposal, transitions) ? (
            <p>Décision prise avec un conflit d’intérêts déclaré&nbsp;: par un membre de l’équipe du programme de la même organisation que l’auteur ou l’autrice.</p>
          ) : null}
        </Alert>
      ) : null}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {props.canEdit ? (
          <li>
            <a className="fr-btn" href={`/appel-a-projets/${proposal.id}/modifier`}>
              Modifier la proposition
            </a>
          </li>
        ) : null}
        {props.canReview ? (
          <li>
            <a className="fr-btn fr-btn--secondary" href={`/appel-a-projets/${proposal.id}/qualification`}>
              Qualifier la proposition
            </a>
          </li>
        ) : null}
      </ul>
      <ProposalDetails proposal={proposal} names={names} />
      <h2 className="fr-h4 fr-mt-4w" id="nous-aussi">
        «&nbsp;Nous aussi&nbsp;»
      </h2>
      <p>
        {supports.length} soutien{supports.length > 1 ? "s" : ""}, de {supportingOrganisations} organisation{supportingOrganisations > 1 ? "s" : ""} différente{supportingOrganisations > 1 ? "s" : ""}.
      </p>
      {supports.length > 0 ? (
        <ul>
          {supports.map((support) => (
            <li key={support.userId}>
              <strong>{support.name}</strong>
              {support.organisationName ? ` (${support.organisationName})` : ""}&nbsp;: {support.statement}
            </li>
          ))}
        </ul>
      ) : null}
      {props.alreadySupported ? <p>Vous soutenez cette proposition.</p> : null}
      {props.canWithdrawSupport ? (
        <form method="post" action={`/appel-a-projets/${proposal.id}/retirer-soutien`}>
          <CsrfField token={context.csrfToken} />
          <button className="fr-btn fr-btn--secondary fr-btn--sm" type="submit">
            Retirer mon soutien
          </button>
          <p className="fr-hint-text fr-mt-1w">Possible jusqu’à la décision de l’équipe du programme.</p>
        </form>
      ) : null}
      {!props.alreadySupported && props.supportBlocked ? <p className="fr-hint-text">{props.supportBlocked}</p> : null}
      {!props.alreadySupported && !props.supportBlocked ? (
        <>
          <ErrorSummary errors={errors} />
          <form method="post" action={`/appel-a-projets/${proposal.id}/soutenir`} noValidate>
            <CsrfField token={context.csrfToken} />
            <InputField name="statement" label="Votre organisation a le même besoin&nbsp;? Dites-le en une ligne" hint="280 caractères au plus." value={props.values?.statement} error={errors.statement} required maxLength={280} />
            <button className="fr-btn" type="submit">
              Nous aussi
            </button>
          </form>
        </>
      ) : null}
      <History transitions={transitions} />
    </Layout>
  );
}

export type ReviewPageProps = {
  context: PageContext;
  proposal: ProposalWithAuthor;
  names: Names;
  supports: SupportView[];
  supportingOrganisations: number;
  transitions: TransitionView[];
  reviews: ReviewView[];
  ownReview: ReviewView | null;
  canDecide: boolean;
  /** What the viewer may do here (ADR 0025): score only without conflict; ask and decide declaring a conflict. */
  access: Pick<ReviewAccess, "scores" | "acts" | "conflict">;
  /** With a conflict: the names of those who may score it without one. */
  reviewersWithoutConflict: string[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** Which form the errors belong to. */
  form?: "review" | "information" | "decision";
  notice?: string | null;
};

const scoreOptions = (rubric: readonly string[]) => rubric.map((text, score) => ({ value: String(score), label: text }));

export function ReviewPage(props: ReviewPageProps) {
  const { context, proposal, names, reviews, errors = {}, form } = props;
  const values = props.values ?? (props.ownReview ? { commonInterest: String(props.ownReview.commonInterest), immediateNeed: String(props.ownReview.immediateNeed), openness: String(props.ownReview.openness), comment: props.ownReview.comment, privateNote: props.ownReview.privateNote ?? "" } : {});
  const errorsOf = (name: "review" | "information" | "decision") => (form === name ? errors : {});
  const decided = proposal.state === "selected" || proposal.state === "declined";
  const { access } = props;
  const conflictField = (name: "information" | "decision") =>
    access.conflict ? (
      <CheckboxField
        id={name === "decision" ? "conflictDeclared" : "conflictDeclared-information"}
        name="conflictDeclared"
        value="oui"
        label={"Je déclare un conflit d’intérêts\u00a0: cette proposition vient de mon organisation."}
        hint="Obligatoire. La déclaration est enregistrée avec votre nom dans l’historique de la proposition, montrée sur sa page et dans le courriel de décision."
        checked={form === name && props.values?.conflictDeclared === "oui"}
        error={errorsOf(name).conflictDeclared}
      />
    ) : null;
  return (
    <Layout context={context} title={`Qualifier\u00a0: ${proposal.title}`} breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Qualification", href: "/appel-a-projets/qualification" }]}>
      <h1>Qualifier «&nbsp;{proposal.title}&nbsp;»</h1>
      <p>
        <span className="fr-badge fr-badge--info fr-badge--no-icon">{stateLabel(proposal.state as ProposalState)}</span> Proposée par {proposal.authorName}
        {proposal.authorOrganisationName ? ` (${proposal.authorOrganisationName})` : ""}. {props.supports.length} «&nbsp;Nous aussi&nbsp;», de {props.supportingOrganisations} organisation
        {props.supportingOrganisations > 1 ? "s" : ""} différente{props.supportingOrganisations > 1 ? "s" : ""}.
      </p>
      {props.notice ? <Alert kind="success" title={props.notice} /> : null}
      {access.conflict ? (
        <Alert kind="warning" title="Conflit d’intérêts">
          <p>
            Cette proposition vient de la même organisation que vous{proposal.authorOrganisationName ? ` (${proposal.authorOrganisationName})` : ""}&nbsp;: vous ne la notez pas.{" "}
            {props.reviewersWithoutConflict.length > 0
              ? `Relecteurs et relectrices sans conflit, qui la notent : ${props.reviewersWithoutConflict.join(", ")}.`
              : "Aucun relecteur ni aucune relectrice sans conflit ne peut la noter : l’équipe du programme en décide sans notes."}
          </p>
          {access.acts ? <p>Vous pouvez demander des informations et décider en déclarant le conflit&nbsp;: la déclaration est enregistrée et montrée avec la décision.</p> : null}
        </Alert>
      ) : null}
      <ProposalDetails proposal={proposal} names={names} />
      {props.supports.length > 0 ? (
        <>
          <h2 className="fr-h4 fr-mt-4w">«&nbsp;Nous aussi&nbsp;»</h2>
          <ul>
            {props.supports.map((support) => (
              <li key={support.userId}>
                <strong>{support.name}</strong>
                {support.organisationName ? ` (${support.organisationName})` : ""}&nbsp;: {support.statement}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 className="fr-h4 fr-mt-4w">Qualifications ({reviews.length})</h2>
      {reviews.length > 0 ? (
        <Table
          caption="Qualifications des relecteurs et relectrices"
          // Private notes are for reviewers: not for a viewer with a conflict.
          columns={["Relecteur ou relectrice", ...criteria.map((criterion) => criterion.label), "Commentaire", ...(access.scores ? ["Note privée"] : [])]}
          rows={reviews.map((review) => [review.reviewerName, String(review.commonInterest), String(review.immediateNeed), String(review.openness), review.comment || "—", ...(access.scores ? [review.privateNote || "—"] : [])])}
        />
      ) : (
        <p>Aucune qualification pour le moment.</p>
      )}
      {!decided && access.scores ? (
        <>
          <h2 className="fr-h4 fr-mt-4w">Ma qualification</h2>
          <ErrorSummary errors={errorsOf("review")} fieldIds={{ commonInterest: "commonInterest-fieldset", immediateNeed: "immediateNeed-fieldset", openness: "openness-fieldset" }} />
          <form method="post" action={`/appel-a-projets/${proposal.id}/qualification`} noValidate>
            <CsrfField token={context.csrfToken} />
            {criteria.map((criterion) => (
              <RadioGroup key={criterion.key} name={criterion.key} legend={`${criterion.label} — ${criterion.question}`} options={scoreOptions(criterion.rubric)} value={values[criterion.key]} error={errorsOf("review")[criterion.key]} required />
            ))}
            <TextareaField name="comment" label="Commentaire (facultatif)" hint="Visible des relecteurs et de l’équipe du programme." value={values.comment} error={errorsOf("review").comment} rows={3} maxLength={5000} />
            <TextareaField name="privateNote" label="Note privée (facultatif)" hint="Visible des seuls relecteurs et relectrices, jamais de l’auteur, des soutiens ni des membres." value={values.privateNote} error={errorsOf("review").privateNote} rows={3} maxLength={5000} />
            <button className="fr-btn" type="submit">
              Enregistrer ma qualification
            </button>
          </form>
        </>
      ) : null}
      {access.acts && (proposal.state === "submitted" || proposal.state === "under_review") ? (
        <>
          <h2 className="fr-h4 fr-mt-4w">Demander des informations</h2>
          <ErrorSummary errors={errorsOf("information")} fieldIds={{ conflictDeclared: "conflictDeclared-information" }} />
          <form method="post" action={`/appel-a-projets/${proposal.id}/informations`} noValidate>
            <CsrfField token={context.csrfToken} />
            <TextareaField name="question" label="Question à l’auteur ou l’autrice" hint="Envoyée par courriel. La proposition repasse en qualification quand l’auteur ou l’autrice répond." value={form === "information" ? props.values?.question : undefined} error={errorsOf("information").question} required rows={3} maxLength={2000} />
            {conflictField("information")}
            <button className="fr-btn fr-btn--secondary" type="submit">
              Demander des informations
            </button>
          </form>
        </>
      ) : null}
      {props.canDecide && access.acts ? (
        <>
          <h2 className="fr-h4 fr-mt-4w">Décision</h2>
          <ErrorSummary errors={errorsOf("decision")} fieldIds={{ decision: "decision-fieldset" }} />
          <form method="post" action={`/appel-a-projets/${proposal.id}/decision`} noValidate>
            <CsrfField token={context.csrfToken} />
            <RadioGroup
              name="decision"
              legend="Décision"
              options={
                decided
                  ? [{ value: "reconsider", label: "À revoir (remettre en qualification)" }]
                  : [
                      { value: "select", label: "Retenue (le projet est créé dans la saison)" },
                      { value: "decline", label: "Non retenue" },
                    ]
              }
              value={form === "decision" ? props.values?.decision : undefined}
              error={errorsOf("decision").decision}
              required
            />
            <TextareaField name="reason" label="Raison" hint="Envoyée par courriel à l’auteur ou l’autrice et aux soutiens." value={form === "decision" ? props.values?.reason : undefined} error={errorsOf("decision").reason} required rows={3} maxLength={2000} />
            {conflictField("decision")}
            <button className="fr-btn" type="submit">
              Enregistrer la décision
            </button>
          </form>
        </>
      ) : null}
      <History transitions={props.transitions} />
    </Layout>
  );
}
