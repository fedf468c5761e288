/**
 * « de » before a name, elided before a vowel or an h as French writes it: « d’Inès Benali », « d’Hélène
 * Martin », « de Thomas Leroy ». (An aspirated h is rare in first names; the platform elides before every h.)
 */
export function ofName(name: string): string {
  return /^[aeiouyhàâäéèêëîïôöùûüœæ]/i.test(name.normalize("NFC")) ? `d’${name}` : `de ${name}`;
}
