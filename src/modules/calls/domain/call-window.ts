/** Whether a call accepts submissions at `now`: from its opening (included) to its closing (excluded). */
export type CallWindow = { opensAt: Date; closesAt: Date };
export type CallStatus = "upcoming" | "open" | "closed";

export function callStatus(call: CallWindow, now: Date): CallStatus {
  if (now.getTime() < call.opensAt.getTime()) return "upcoming";
  if (now.getTime() >= call.closesAt.getTime()) return "closed";
  return "open";
}
