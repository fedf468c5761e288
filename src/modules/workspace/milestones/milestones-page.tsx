import type { FormValues } from "../../../http/forms.ts";
import { formatCalendarDay } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { Badge, type BadgeKind } from "../../../ui/badge.tsx";
import { CheckboxField, CsrfField, ErrorSummary, type FieldErrors, InputField, type Option, SelectField } from "../../../ui/fields.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { type WorkspaceFrame, WorkspaceLayout } from "../views/workspace-layout.tsx";
import { maxMilestoneTitleLength } from "./milestone-form.ts";
import { type MilestonePhase, milestonePhases, type MilestoneState, milestoneStateLabels } from "./milestone-labels.ts";
import type { Milestone } from "./milestone-repository.ts";

export type PhaseSection = { key: MilestonePhase; label: string; startsOn: string | null; endsOn: string | null; milestones: Milestone[] };

export type MilestonesPageModel = {
  phases: PhaseSection[];
  canEdit: boolean;
  /** `/projets/<slug>/espace/jalons` with the season kept (`?saison=`), for the forms. */
  actionOf: (suffix: string) => string;
  ownerOptions: Option[];
  season: { startsOn: string; endsOn: string };
  values: FormValues;
  errors: FieldErrors;
  /** The confirmation asked by the address after a change. */
  done: string | null;
  today: string;
};

const stateBadges: Record<MilestoneState, BadgeKind | undefined> = { todo: undefined, doing: "info", done: "success", dropped: "warning" };

function value(values: FormValues, name: string): string {
  const found = values[name];
  return typeof found === "string" ? found : "";
}

function phaseDates(phase: PhaseSection): string {
  if (!phase.startsOn || !phase.endsOn) return "Dates de la phase non fixées pour cette saison.";
  return `Du ${formatCalendarDay(phase.startsOn)} au ${formatCalendarDay(phase.endsOn)}`;
}

export function MilestonesPage({ context, frame, model }: { context: PageContext; frame: WorkspaceFrame; model: MilestonesPageModel }) {
  const { values, errors } = model;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <WorkspaceLayout context={context} frame={frame} section="milestones" title="Jalons" hasErrors={hasErrors}>
      {model.done ? <Alert kind="success">{model.done}</Alert> : null}
      <p>Les jalons de l’équipe, phase par phase. Chaque phase se termine par une présentation de l’avancement, comme le prévoit le programme.</p>
      {model.phases.map((phase) => (
        <PhaseBlock key={phase.key} phase={phase} model={model} csrfToken={context.csrfToken} />
      ))}
      {model.canEdit ? (
        <section aria-labelledby="ajouter-jalon" className="fr-mt-6w">
          <h2 id="ajouter-jalon">Ajouter un jalon</h2>
          <ErrorSummary errors={errors} />
          <form method="post" action={model.actionOf("")} noValidate>
            <CsrfField token={context.csrfToken} />
            <SelectField name="phase" label="Phase" required options={milestonePhases.map((phase) => ({ value: phase.key, label: phase.label }))} value={value(values, "phase")} error={errors.phase} />
            <InputField name="title" label="Intitulé" hint={`Au plus ${maxMilestoneTitleLength}\u00a0caractères.`} required maxLength={maxMilestoneTitleLength} value={value(values, "title")} error={errors.title} />
            <InputField
              name="dueOn"
              label="Date d’échéance"
              hint={`Entre le ${formatCalendarDay(model.season.startsOn)} et le ${formatCalendarDay(model.season.endsOn)}.`}
              type="date"
              required
              value={value(values, "dueOn")}
              error={errors.dueOn}
            />
            <SelectField name="ownerId" label="Responsable" hint="Un membre de l’équipe de cette saison." options={model.ownerOptions} value={value(values, "ownerId")} error={errors.ownerId} placeholder="Aucun ou aucune responsable" />
            <CheckboxField name="isPresentation" label="Présentation de fin de phase" hint="Ce jalon est la présentation qui clôt la phase." checked={value(values, "isPresentation") === "on"} />
            <button className="fr-btn" type="submit">
              Ajouter le jalon
            </button>
          </form>
        </section>
      ) : null}
    </WorkspaceLayout>
  );
}

function PhaseBlock({ phase, model, csrfToken }: { phase: PhaseSection; model: MilestonesPageModel; csrfToken: string }) {
  const headingId = `phase-${phase.key}`;
  const presentation = phase.milestones.find((milestone) => milestone.isPresentation && milestone.state !== "dropped");
  return (
    <section aria-labelledby={headingId} className="fr-mt-4w">
      <h2 id={headingId}>{phase.label}</h2>
      <p className="fr-hint-text">{phaseDates(phase)}</p>
      {phase.milestones.length === 0 ? <p>Aucun jalon dans cette phase.</p> : (
        <ul className="fr-raw-list">
          {phase.milestones.map((milestone) => (
            <MilestoneItem key={milestone.id} milestone={milestone} model={model} csrfToken={csrfToken} />
          ))}
        </ul>
      )}
      {presentation ? (
        <p className="fr-text--sm">
          La phase se termine par une présentation&nbsp;: «&nbsp;{presentation.title}&nbsp;», le {formatCalendarDay(presentation.dueOn)}.
        </p>
      ) : model.season.endsOn < model.today ? null : (
        <p className="fr-text--sm">Présentation de fin de phase à prévoir.</p>
      )}
    </section>
  );
}

function MilestoneItem({ milestone, model, csrfToken }: { milestone: Milestone; model: MilestonesPageModel; csrfToken: string }) {
  const overdue = (milestone.state === "todo" || milestone.state === "doing") && milestone.dueOn < model.today;
  const stateId = `state-${milestone.id}`;
  return (
    <li className="fr-mb-3w" id={`jalon-${milestone.id}`}>
      <p className="fr-mb-1v">
        <strong>{milestone.title}</strong>
        {milestone.isPresentation ? " (présentation de fin de phase)" : ""}
      </p>
      <p className="fr-text--sm fr-mb-1v">
        Échéance&nbsp;: {formatCalendarDay(milestone.dueOn)}
        {overdue ? " — en retard" : ""} · Responsable&nbsp;: {milestone.ownerName ?? "aucun ou aucune"}
      </p>
      <Badge label={milestoneStateLabels[milestone.state]} small {...(stateBadges[milestone.state] ? { kind: stateBadges[milestone.state]! } : {})} />
      {model.canEdit ? (
        <div className="fr-mt-1w">
          <form method="post" action={model.actionOf(`/${milestone.id}/etat`)} className="fr-display-inline-block">
            <CsrfField token={csrfToken} />
            <SelectField
              id={stateId}
              name="state"
              label={`État du jalon «\u00a0${milestone.title}\u00a0»`}
              options={Object.entries(milestoneStateLabels).map(([key, label]) => ({ value: key, label }))}
              value={milestone.state}
              placeholder="Choisir un état"
            />
            <button className="fr-btn fr-btn--sm fr-btn--secondary" type="submit">
              Changer l’état
            </button>
          </form>
          <form method="post" action={model.actionOf(`/${milestone.id}/supprimer`)} className="fr-mt-1w">
            <CsrfField token={csrfToken} />
            <button className="fr-btn fr-btn--sm fr-btn--tertiary" type="submit" title={`Supprimer le jalon «\u00a0${milestone.title}\u00a0»`}>
              Supprimer
            </button>
          </form>
        </div>
      ) : null}
    </li>
  );
}
