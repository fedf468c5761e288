import { Alert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { CsrfField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { type AttendanceMode, attendanceModeLabels } from "../domain/event-kinds.ts";
import { modesOffered } from "../domain/registration-rules.ts";
import type { EventRecord } from "../repository.ts";
import type { TeamRegistration } from "../team-repository.ts";
import { countOf, deBefore, fullName } from "./team-format.ts";
import { TeamEventHeader, teamBreadcrumb } from "./team-parts.tsx";

export type SignInSheetProps = {
  context: PageContext;
  event: EventRecord;
  /** The people the sheet lists (confirmed, or marked present), by name. */
  people: TeamRegistration[];
  saved?: { present: Record<AttendanceMode, number> } | undefined;
};

function SheetTable({ mode, people }: { mode: AttendanceMode; people: TeamRegistration[] }) {
  const inPerson = mode === "in_person";
  return (
    <div className="fr-table fr-table--bordered fr-table--sm p10-sheet">
      <div className="fr-table__wrapper">
        <div className="fr-table__container" role="region" tabIndex={0} aria-label={`Émargement ${attendanceModeLabels[mode].toLowerCase()}`}>
          <div className="fr-table__content">
            <table>
              <caption className="fr-sr-only">Émargement {attendanceModeLabels[mode].toLowerCase()}</caption>
              <thead>
                <tr>
                  <th scope="col">Présence</th>
                  <th scope="col">Nom</th>
                  <th scope="col">Prénom</th>
                  <th scope="col">Organisation</th>
                  {inPerson ? (
                    <th scope="col" className="p10-sheet__signature">
                      Signature
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {people.map((registration) => {
                  const id = `present-${registration.id}`;
                  const present = registration.attendedAt !== null;
                  return (
                    <tr key={registration.id}>
                      <td>
                        <input type="hidden" name="listed" value={registration.id} />
                        <div className="fr-checkbox-group fr-checkbox-group--sm p10-no-print">
                          <input type="checkbox" id={id} name="present" value={registration.id} defaultChecked={present} />
                          <label className="fr-label" htmlFor={id}>
                            <span className="fr-sr-only">{`Présence ${deBefore(fullName(registration))}`}</span>
                          </label>
                        </div>
                        <span className="p10-print-only p10-sheet__box" aria-hidden="true">
                          {present ? "☒" : "☐"}
                        </span>
                      </td>
                      <td>{registration.usualName}</td>
                      <td>{registration.givenName}</td>
                      <td>{registration.organisation ?? ""}</td>
                      {inPerson ? <td className="p10-sheet__signature" /> : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * `/admin/evenements/:id/emargement`: the sign-in sheet of the people expected on site, printable (a box
 * and a signature cell per person; the print leaves the site's header and the form's buttons out), and
 * the same list as a form to tick who came, on site and remotely, saved in one go.
 */
export function SignInSheetPage({ context, event, people, saved }: SignInSheetProps) {
  const modes = modesOffered(event);
  return (
    <Layout context={context} title={`Émargement — ${event.title}`} breadcrumb={teamBreadcrumb}>
      <TeamEventHeader event={event} page="signInSheet" title="Feuille d’émargement" />
      {saved ? (
        <Alert kind="success" title="Présences enregistrées">
          <p>{modes.map((mode) => `${attendanceModeLabels[mode]}\u00a0: ${countOf(saved.present[mode], "personne présente", "personnes présentes")}`).join(" — ")}.</p>
        </Alert>
      ) : null}
      <p className="p10-no-print">Imprimez cette page pour la faire signer à l’entrée (seule la liste sur place est imprimée), ou cochez les personnes présentes, sur place et à distance, puis enregistrez. Les arrivées pointées par code QR sont déjà cochées.</p>
      <form method="post">
        <CsrfField token={context.csrfToken} />
        {modes.map((mode) => {
          const ofMode = people.filter((registration) => registration.mode === mode);
          return (
            <section key={mode} className={`fr-mb-4w${mode === "remote" ? " p10-no-print" : ""}`} aria-labelledby={`emargement-${mode}`}>
              <h2 id={`emargement-${mode}`}>
                {attendanceModeLabels[mode]} ({ofMode.length})
              </h2>
              {ofMode.length === 0 ? <p>Personne n’est inscrit {mode === "in_person" ? "sur place" : "à distance"}.</p> : <SheetTable mode={mode} people={ofMode} />}
            </section>
          );
        })}
        <div className="p10-no-print">
          <Button type="submit" icon="check-line">
            Enregistrer les présences
          </Button>
        </div>
      </form>
    </Layout>
  );
}
