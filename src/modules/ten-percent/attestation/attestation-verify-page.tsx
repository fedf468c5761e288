import { formatCalendarDay, formatDateTime } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { DetailList } from "../../../ui/detail-list.tsx";
import { ErrorSummary, InputField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { AttestationSummary } from "./attestation-repository.ts";
import { maxTypedCodeLength } from "./attestation-form.ts";
import { halfDaysLabel } from "../domain/ledger-rules.ts";
import { verifyPath } from "./attestation-list-page.tsx";

const title = "Vérifier une attestation";
const breadcrumb = [{ label: "Accueil", href: "/" }];

function CodeForm({ code, error }: { code: string; error?: string | undefined }) {
  return (
    <form method="get" action={verifyPath} noValidate>
      <InputField
        name="code"
        label="Code de l’attestation"
        hint="Il figure sur l’attestation, sous la forme P10-XXXX-XXXX-XXXX."
        required
        autoComplete="off"
        spellCheck={false}
        maxLength={maxTypedCodeLength}
        value={code}
        error={error}
      />
      <button className="fr-btn" type="submit">
        Vérifier
      </button>
    </form>
  );
}

/** `/attestations/verifier`: the code to type (public). */
export function AttestationVerifyFormPage({ context, code = "", error }: { context: PageContext; code?: string; error?: string }) {
  return (
    <Layout context={context} title={title} hasErrors={Boolean(error)} breadcrumb={breadcrumb} description={"Vérifier qu’une attestation de temps du Programme 10\u00a0% est authentique."}>
      <h1>{title}</h1>
      <p>
        Une attestation de temps contribué au Programme 10&nbsp;% porte un code. Saisissez-le pour voir ce qu’elle atteste, tel que la plateforme l’a émise, et
        l’empreinte du fichier PDF.
      </p>
      <ErrorSummary errors={{ code: error }} />
      <CodeForm code={code} error={error} />
    </Layout>
  );
}

/** `/attestations/verifier/:code` for an unknown code (404). */
export function AttestationUnknownPage({ context, code }: { context: PageContext; code: string }) {
  return (
    <Layout context={context} title={"Attestation inconnue"} breadcrumb={[...breadcrumb, { label: title, href: verifyPath }]}>
      <h1>Attestation inconnue</h1>
      <Alert kind="error" title={"Aucune attestation ne correspond à ce code"}>
        <p>
          Le code «&nbsp;{code}&nbsp;» ne correspond à aucune attestation émise par la plateforme du Programme 10&nbsp;%. Vérifiez qu’il est recopié sans erreur.
        </p>
      </Alert>
      <h2>Saisir un autre code</h2>
      <CodeForm code={code} />
    </Layout>
  );
}

/** `/attestations/verifier/:code` for a genuine attestation: its facts and the PDF's fingerprint. */
export function AttestationVerifiedPage({ context, attestation }: { context: PageContext; attestation: AttestationSummary }) {
  const { facts } = attestation;
  return (
    <Layout context={context} title={`Attestation ${attestation.code}`} breadcrumb={[...breadcrumb, { label: title, href: verifyPath }]}>
      <h1>Attestation {attestation.code}</h1>
      <Alert kind="success" title="Ce code correspond à une attestation émise par la plateforme">
        <p>
          La plateforme du Programme 10&nbsp;% a émis l’attestation de ce code le {formatDateTime(attestation.issuedAt)}. Voici ce qu’elle atteste. Pour savoir si le fichier que l’on vous a remis est bien
          celui-là, sans modification, comparez-le ci-dessous.
        </p>
      </Alert>
      <DetailList
        entries={[
          { label: "Membre", value: facts.memberName },
          { label: "Organisation", value: facts.organisation },
          { label: "Saison", value: facts.season.name },
          { label: "Période couverte", value: `du ${formatCalendarDay(facts.period.startsOn)} au ${formatCalendarDay(facts.period.endsOn)}` },
          { label: "Temps contribué", value: `${halfDaysLabel(facts.totalHalfDays)} (${halfDaysLabel(facts.attendanceHalfDays)} d’événements suivis, ${halfDaysLabel(facts.work.halfDays)} de travail déclaré)` },
          { label: "Projets", value: facts.projects.length === 0 ? "Aucun projet d’équipe" : facts.projects.join(", ") },
          { label: "Événements suivis", value: facts.events.length === 0 ? "Aucun" : `${facts.events.length}\u00a0événement${facts.events.length > 1 ? "s" : ""}` },
          { label: "Convention 10\u00a0%", value: facts.agreement ? `Acceptée par ${facts.agreement.managerName}, ${facts.agreement.share}` : "Aucune convention acceptée pour cette saison" },
          { label: "Émise le", value: formatDateTime(attestation.issuedAt) },
        ]}
      />
      <h2>Le fichier est-il celui émis&nbsp;?</h2>
      <p>
        Le code prouve que l’attestation existe, pas que le fichier que vous avez entre les mains n’a pas été modifié. Si les informations ci-dessus et celles du fichier diffèrent, fiez-vous à celles
        ci-dessus&nbsp;: ce sont celles de l’attestation émise.
      </p>
      <section id="verifier-fichier" data-sha256={attestation.sha256} hidden aria-labelledby="verifier-fichier-titre">
        <h3 id="verifier-fichier-titre">Vérifier mon fichier</h3>
        <form id="verifier-fichier-form" noValidate>
          <div className="fr-upload-group">
            <label className="fr-label" htmlFor="verifier-fichier-pdf">
              Fichier PDF de l’attestation
              <span className="fr-hint-text">Le fichier reste sur votre appareil&nbsp;: la page le compare sans l’envoyer.</span>
            </label>
            <input className="fr-upload" type="file" id="verifier-fichier-pdf" accept="application/pdf,.pdf" />
          </div>
          <button className="fr-btn fr-mt-2w" type="submit">
            Vérifier mon fichier
          </button>
        </form>
        <div id="verifier-fichier-resultat" className="fr-mt-2w" role="status" />
      </section>
      <h3>Avec un terminal</h3>
      <p>Empreinte SHA-256 du fichier PDF émis&nbsp;:</p>
      <p>
        {/* Break opportunities every 16 characters (a narrow screen), none copied with the fingerprint. */}
        <code>
          {(attestation.sha256.match(/.{1,16}/g) ?? []).map((part, index) => (
            <span key={index}>
              {index > 0 ? <wbr /> : null}
              {part}
            </span>
          ))}
        </code>
      </p>
      <p>
        Calculez l’empreinte du fichier que l’on vous a remis et comparez-la à celle-ci&nbsp;: si elles sont identiques, le fichier n’a pas été modifié. Par exemple, dans un terminal,{" "}
        <code>sha256sum attestation.pdf</code> sous Linux, <code>shasum -a 256 attestation.pdf</code> sous macOS, ou <code>Get-FileHash attestation.pdf</code> dans PowerShell sous Windows.
      </p>
      {/* Progressive enhancement: without scripts (or without Web Crypto) the file check stays hidden and the terminal way remains. */}
      <script nonce={context.nonce} dangerouslySetInnerHTML={{ __html: fileCheckScript }} />
    </Layout>
  );
}

/** Hashes the chosen file in the browser (SHA-256, Web Crypto) and says whether it is the file issued. */
const fileCheckScript = `(function () {
  var box = document.getElementById("verifier-fichier");
  if (!box || !window.crypto || !window.crypto.subtle || !window.Blob || !Blob.prototype.arrayBuffer) return;
  var form = document.getElementById("verifier-fichier-form");
  var input = document.getElementById("verifier-fichier-pdf");
  var result = document.getElementById("verifier-fichier-resultat");
  box.hidden = false;
  function say(kind, title, text) {
    var alert = document.createElement("div");
    alert.className = "fr-alert fr-alert--" + kind;
    var heading = document.createElement("h4");
    heading.className = "fr-alert__title";
    heading.textContent = title;
    var body = document.createElement("p");
    body.textContent = text;
    alert.appendChild(heading);
    alert.appendChild(body);
    result.replaceChildren(alert);
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var file = input.files && input.files[0];
    if (!file) return say("error", "Aucun fichier choisi", "Choisissez le fichier PDF de l\u2019attestation.");
    file.arrayBuffer().then(function (bytes) {
      return window.crypto.subtle.digest("SHA-256", bytes);
    }).then(function (digest) {
      var hex = Array.prototype.map.call(new Uint8Array(digest), function (byte) { return byte.toString(16).padStart(2, "0"); }).join("");
      if (hex === box.dataset.sha256) say("success", "Ce fichier est celui émis", "Le fichier \u00ab\u00a0" + file.name + "\u00a0\u00bb est identique à l\u2019attestation émise par la plateforme\u00a0: il n\u2019a pas été modifié.");
      else say("error", "Ce fichier n\u2019est pas celui émis", "Le fichier \u00ab\u00a0" + file.name + "\u00a0\u00bb diffère de l\u2019attestation émise\u00a0: il a été modifié, ou c\u2019est un autre fichier. Fiez-vous aux informations de cette page.");
    }, function () {
      say("error", "Lecture impossible", "Le fichier n\u2019a pas pu être lu. Essayez de nouveau, ou comparez l\u2019empreinte avec un terminal.");
    });
  });
})();`;
