// French number agreement, the one way for views and mails to write a count with its noun.

/** The noun for `count`: singular for 0 and 1 (« 0 projet », « 1 projet »), plural from 2 (« 2 projets »). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return Math.abs(count) >= 2 ? many : one;
}

/** « 0 projet », « 1 organisation », « 1 234 membres »: the count (French digit grouping), a non-breaking space, the noun. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("fr-FR")}\u00a0${plural(count, one, many)}`;
}
