CREATE TABLE "agreement_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"actor" text NOT NULL,
	"actor_name" text DEFAULT '' NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_event_kind" CHECK ("agreement_events"."kind" in ('sent', 'modified', 'accepted', 'declined', 'question', 'answer', 'reminded', 'member_told', 'ended', 'replaced')),
	CONSTRAINT "agreement_event_actor" CHECK ("agreement_events"."actor" in ('member', 'manager', 'third', 'programme', 'platform'))
);
--> statement-breakpoint
CREATE TABLE "agreement_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"signature_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"decision" text,
	"reason" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_via" text,
	"invalidated_at" timestamp with time zone,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp with time zone,
	"reminded_again_at" timestamp with time zone,
	"member_told_at" timestamp with time zone,
	CONSTRAINT "agreement_signature_role" CHECK ("agreement_signatures"."role" in ('manager', 'third')),
	CONSTRAINT "agreement_signature_decision" CHECK ("agreement_signatures"."decision" is null or "agreement_signatures"."decision" in ('accepted', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "agreement_third_signatories" (
	"ministry_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "third_signatory_kind" CHECK ("agreement_third_signatories"."kind" in ('hr', 'amd'))
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"share_kind" text NOT NULL,
	"half_days_per_month" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"projects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"member_name" text NOT NULL,
	"member_email" text NOT NULL,
	"member_organisation" text DEFAULT '' NOT NULL,
	"ministry_id" uuid,
	"manager_name" text NOT NULL,
	"manager_email" text NOT NULL,
	"charter_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_share_kind" CHECK ("agreement_versions"."share_kind" in ('ten_percent', 'half_days')),
	CONSTRAINT "agreement_half_days" CHECK ("agreement_versions"."half_days_per_month" between 1 and 10),
	CONSTRAINT "agreement_period" CHECK ("agreement_versions"."ends_on" >= "agreement_versions"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"share_details" boolean DEFAULT false NOT NULL,
	"ended_on" date,
	"ended_by" text,
	"end_reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_status" CHECK ("agreements"."status" in ('sent', 'accepted', 'declined', 'ended', 'replaced')),
	CONSTRAINT "agreement_ended_by" CHECK ("agreements"."ended_by" is null or "agreements"."ended_by" in ('member', 'manager', 'programme'))
);
--> statement-breakpoint
CREATE TABLE "attestations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"facts" jsonb NOT NULL,
	"pdf" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "manager_summaries" (
	"manager_email" text NOT NULL,
	"month" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"worked_on" date NOT NULL,
	"half_days" smallint NOT NULL,
	"project_id" uuid,
	"description" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entry_half_days" CHECK ("time_entries"."half_days" in (1, 2))
);
--> statement-breakpoint
ALTER TABLE "agreement_events" ADD CONSTRAINT "agreement_events_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_links" ADD CONSTRAINT "agreement_links_signature_id_agreement_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."agreement_signatures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_third_signatories" ADD CONSTRAINT "agreement_third_signatories_ministry_id_organisations_id_fk" FOREIGN KEY ("ministry_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_ministry_id_organisations_id_fk" FOREIGN KEY ("ministry_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_events_agreement_idx" ON "agreement_events" USING btree ("agreement_id","at");--> statement-breakpoint
CREATE INDEX "agreement_links_signature_idx" ON "agreement_links" USING btree ("signature_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_signature_per_role_and_version" ON "agreement_signatures" USING btree ("agreement_id","version","role");--> statement-breakpoint
CREATE INDEX "agreement_signatures_email_idx" ON "agreement_signatures" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "one_agreement_version" ON "agreement_versions" USING btree ("agreement_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "one_live_agreement_per_member_and_season" ON "agreements" USING btree ("user_id","season_id") WHERE "agreements"."status" in ('sent', 'accepted');--> statement-breakpoint
CREATE INDEX "agreements_season_idx" ON "agreements" USING btree ("season_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_attestation_per_code" ON "attestations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "attestations_user_idx" ON "attestations" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_manager_summary_per_month" ON "manager_summaries" USING btree ("manager_email","month");--> statement-breakpoint
CREATE INDEX "time_entries_user_idx" ON "time_entries" USING btree ("user_id","worked_on");