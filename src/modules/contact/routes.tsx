import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FormResult, type FormValues, keepValues, parseForm } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { InvalidInputError, NotFoundError } from "../../shared/domain-error.ts";
import { isUuid } from "../../shared/uuid.ts";
import type { FieldErrors } from "../../ui/fields.tsx";
import type { ContactDeps } from "./deps.ts";
import { type MessageStatus } from "./domain/message-states.ts";
import { countMessagesByStatus, findMessage, listMessages, listReplies } from "./repository.ts";
import { registerRetentionSweep } from "./retention.ts";
import { honeypotField, memberMessageSchema, type MemberMessageInput, replySchema, visitorMessageSchema } from "./schemas.ts";
import { createArchiveMessage } from "./use-cases/archive-message.ts";
import { createReopenMessage } from "./use-cases/reopen-message.ts";
import { createReplyToMessage } from "./use-cases/reply-to-message.ts";
import { createSendContactMessage } from "./use-cases/send-contact-message.ts";
import { ContactPage, MessageSentPage } from "./views/contact-page.tsx";
import { InboxPage, type MessageNotice, MessagePage, statusSlugs } from "./views/inbox-pages.tsx";

/**
 * Per IP, for everyone: the form stores a message and mails an acknowledgement, so a script must not
 * repeat it (the per-address limit is in the use case). Wrong input counts too: ten tries in ten minutes.
 */
const sendRateLimit = { max: 10, timeWindow: "10 minutes", hook: "preHandler" } as const;
const inboxAccess = { access: "manage:contact-message:any" } as const;
const sentPath = "/contact/message-envoye";

function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : undefined;
}

/** The form's message; a signed-in member's answer goes to their account's address, whatever the form says. */
function parseMessageForm(body: unknown, memberEmail: string | null): FormResult<MemberMessageInput & { email: string }> {
  if (!memberEmail) return parseForm(visitorMessageSchema, body);
  const form = parseForm(memberMessageSchema, body);
  return form.ok ? { ok: true, data: { ...form.data, email: memberEmail } } : form;
}

/** `/contact` (the form to the programme team and its address) and the team's inbox `/admin/messages`. */
export function registerContactRoutes(app: FastifyInstance, deps: ContactDeps) {
  const { db } = deps;
  const sendContactMessage = createSendContactMessage(deps);
  const replyToMessage = createReplyToMessage(deps);
  const archiveMessage = createArchiveMessage(deps);
  const reopenMessage = createReopenMessage(deps);

  async function renderContact(request: FastifyRequest, reply: FastifyReply, status: number, values: FormValues = {}, errors: FieldErrors = {}) {
    const user = request.user;
    const defaults: FormValues = user ? { name: [user.givenName, user.usualName].filter(Boolean).join(" ") } : {};
    return sendPage(
      reply,
      <ContactPage
        context={pageContext(request, reply, { form: true })}
        share={{ url: new URL("/contact", deps.publicUrl).href, type: "website" }}
        teamAddress={deps.teamAddress}
        memberEmail={user?.email ?? null}
        values={{ ...defaults, ...values }}
        errors={errors}
      />,
      status,
    );
  }

  app.get("/contact", { config: { access: "public" } }, async (request, reply) => renderContact(request, reply, 200));

  app.post("/contact", { config: { access: "public", rateLimit: sendRateLimit } }, async (request, reply) => {
    const body = (request.body && typeof request.body === "object" ? request.body : {}) as Record<string, unknown>;
    const honeypot = body[honeypotField];
    if (typeof honeypot === "string" && honeypot.trim() !== "") {
      // A bot: it sees the same confirmation as a person, and nothing is stored or mailed.
      request.log.info("contact form: honeypot filled, message dropped");
      return reply.redirect(sentPath, 303);
    }
    const values = keepValues(body, 5000);
    const user = request.user;
    // A member's answer goes to their account's address, whatever the form says.
    const form = parseMessageForm(body, user?.email ?? null);
    if (!form.ok) return renderContact(request, reply, 400, values, form.errors);
    try {
      await sendContactMessage({ senderId: user?.id ?? null, ...form.data });
    } catch (error) {
      if (error instanceof InvalidInputError) return renderContact(request, reply, error.code === "too_many_messages" ? 429 : 422, values, error.fieldErrors);
      throw error;
    }
    return reply.redirect(sentPath, 303);
  });

  app.get(sentPath, { config: { access: "public" } }, async (request, reply) => sendPage(reply, <MessageSentPage context={pageContext(request, reply)} />));

  app.get("/admin/messages", { config: inboxAccess }, async (request, reply) => {
    const slug = queryValue(request, "etat");
    const status = ((Object.keys(statusSlugs) as MessageStatus[]).find((candidate) => statusSlugs[candidate] === slug) ?? "new") satisfies MessageStatus;
    const [messages, counts] = await Promise.all([listMessages(db, status), countMessagesByStatus(db)]);
    return sendPage(reply, <InboxPage context={pageContext(request, reply)} status={status} messages={messages} counts={counts} />);
  });

  async function messageOf(request: FastifyRequest<{ Params: { id: string } }>) {
    const message = isUuid(request.params.id) ? await findMessage(db, request.params.id) : null;
    if (!message) throw new NotFoundError("Ce message n’existe pas ou a été supprimé.");
    return message;
  }

  async function renderMessage(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, status: number, form: { values: { body?: string }; errors: FieldErrors } = { values: {}, errors: {} }) {
    const message = await messageOf(request);
    const done = queryValue(request, "fait");
    const notice: MessageNotice = done === "reponse" ? "replied" : done === "archive" ? "archived" : done === "rouvert" ? "reopened" : null;
    return sendPage(reply, <MessagePage context={pageContext(request, reply)} message={message} replies={await listReplies(db, message.id)} notice={status === 200 ? notice : null} form={form} />, status);
  }

  app.get<{ Params: { id: string } }>("/admin/messages/:id", { config: inboxAccess }, async (request, reply) => renderMessage(request, reply, 200));

  app.post<{ Params: { id: string } }>("/admin/messages/:id/repondre", { config: inboxAccess }, async (request, reply) => {
    const message = await messageOf(request);
    const form = parseForm(replySchema, request.body);
    if (!form.ok) return renderMessage(request, reply, 400, { values: { body: String(form.values.body ?? "") }, errors: form.errors });
    try {
      await replyToMessage({ messageId: message.id, authorId: request.user!.id, body: form.data.body });
    } catch (error) {
      if (error instanceof InvalidInputError) return renderMessage(request, reply, 409, { values: { body: form.data.body }, errors: error.fieldErrors });
      throw error;
    }
    return reply.redirect(`/admin/messages/${message.id}?fait=reponse`, 303);
  });

  app.post<{ Params: { id: string } }>("/admin/messages/:id/archiver", { config: inboxAccess }, async (request, reply) => {
    const message = await messageOf(request);
    try {
      await archiveMessage(message.id);
    } catch (error) {
      if (error instanceof InvalidInputError) return renderMessage(request, reply, 409, { values: {}, errors: error.fieldErrors });
      throw error;
    }
    return reply.redirect(`/admin/messages/${message.id}?fait=archive`, 303);
  });

  app.post<{ Params: { id: string } }>("/admin/messages/:id/rouvrir", { config: inboxAccess }, async (request, reply) => {
    const message = await messageOf(request);
    try {
      await reopenMessage(message.id);
    } catch (error) {
      if (error instanceof InvalidInputError) return renderMessage(request, reply, 409, { values: {}, errors: error.fieldErrors });
      throw error;
    }
    return reply.redirect(`/admin/messages/${message.id}?fait=rouvert`, 303);
  });

  // Not a route: messages past their retention period are deleted every hour (ADR 0024).
  registerRetentionSweep(app, deps);
}
