import type { FastifyRequest } from "fastify";
import type { EventsDeps } from "../deps.ts";
import type { EventRecord } from "../repository.ts";

/** What the event page shows about registering (owned by the registration work; placeholder until written). */
export type RegistrationPanelModel = { eventId: string };

/** Loads the registration block of the event page for the person viewing it. */
export async function loadRegistrationPanel(deps: EventsDeps, event: EventRecord, request: FastifyRequest): Promise<RegistrationPanelModel> {
  void deps;
  void request;
  return { eventId: event.id };
}

/** The registration block of the event page: places left per mode, the button or the person's registration. */
export function RegistrationPanel(props: { model: RegistrationPanelModel }) {
  void props;
  return null;
}
