/** DSFR's mention at the top of a form whose fields are required unless marked « (facultatif) ». */
export function RequiredFieldsMention() {
  return <p className="fr-hint-text fr-mb-3w">Sauf mention contraire, tous les champs sont obligatoires.</p>;
}
