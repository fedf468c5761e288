/**
 * Messages accepted from one address in the last hour. The form mails an acknowledgement to whatever
 * address it is given: this caps what a stranger can make the platform send to somebody else's address,
 * beside the per-IP limit of the route.
 */
export const messagesPerAddressPerHour = 3;

export function sendingWindowStart(now: Date): Date {
  return new Date(now.getTime() - 60 * 60 * 1000);
}
