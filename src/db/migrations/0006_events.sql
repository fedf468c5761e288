CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_projects" (
	"event_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	CONSTRAINT "one_link_per_event_project" PRIMARY KEY("event_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid,
	"email" text,
	"given_name" text,
	"usual_name" text,
	"organisation_name" text,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"queue_position" bigserial NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"check_in_token" text NOT NULL,
	"confirmation_token_hash" text,
	"attended_at" timestamp with time zone,
	"attendance_marked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "registration_mode" CHECK ("event_registrations"."mode" in ('in_person', 'remote')),
	CONSTRAINT "registration_status" CHECK ("event_registrations"."status" in ('pending', 'confirmed', 'waitlisted', 'cancelled')),
	CONSTRAINT "registration_has_a_person" CHECK ("event_registrations"."user_id" is not null or "event_registrations"."email" is not null)
);
--> statement-breakpoint
CREATE TABLE "event_reminders" (
	"registration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "one_reminder_per_kind" PRIMARY KEY("registration_id","kind"),
	CONSTRAINT "reminder_kind" CHECK ("event_reminders"."kind" in ('two_days', 'two_hours'))
);
--> statement-breakpoint
CREATE TABLE "event_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"rule" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"place_name" text,
	"place_address" text,
	"place_access" text,
	"visio_url" text,
	"in_person_capacity" integer,
	"remote_capacity" integer,
	"registration_opens_at" timestamp with time zone,
	"registration_closes_at" timestamp with time zone,
	"cancellation_closes_at" timestamp with time zone,
	"access_list_due_at" timestamp with time zone,
	"audience" text DEFAULT 'members' NOT NULL,
	"audience_project_id" uuid,
	"season_id" uuid,
	"series_id" uuid,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"cancellation_reason" text,
	"trainers" text,
	"replay_url" text,
	"slides_url" text,
	"resources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_kind" CHECK ("events"."kind" in ('bootcamp', 'atelier', 'formation', 'webinaire', 'cloture', 'convivial')),
	CONSTRAINT "event_audience" CHECK ("events"."audience" in ('public', 'members', 'project')),
	CONSTRAINT "event_status" CHECK ("events"."status" in ('scheduled', 'cancelled')),
	CONSTRAINT "event_ends_after_it_starts" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "event_capacities_are_positive" CHECK (coalesce("events"."in_person_capacity", 1) >= 0 and coalesce("events"."remote_capacity", 1) >= 0),
	CONSTRAINT "event_registration_closes_after_it_opens" CHECK ("events"."registration_closes_at" is null or "events"."registration_opens_at" is null or "events"."registration_closes_at" > "events"."registration_opens_at")
);
--> statement-breakpoint
ALTER TABLE "dev_mails" ADD COLUMN "calendar" text;--> statement-breakpoint
ALTER TABLE "dev_mails" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_projects" ADD CONSTRAINT "event_projects_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_projects" ADD CONSTRAINT "event_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_attendance_marked_by_users_id_fk" FOREIGN KEY ("attendance_marked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_reminders" ADD CONSTRAINT "event_reminders_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_series" ADD CONSTRAINT "event_series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_audience_project_id_projects_id_fk" FOREIGN KEY ("audience_project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_series_id_event_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."event_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_feed_per_token" ON "calendar_feeds" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "one_live_registration_per_member" ON "event_registrations" USING btree ("event_id","user_id") WHERE "event_registrations"."user_id" is not null and "event_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "one_live_registration_per_visitor" ON "event_registrations" USING btree ("event_id",lower("email")) WHERE "event_registrations"."user_id" is null and "event_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "one_registration_per_check_in_token" ON "event_registrations" USING btree ("check_in_token");--> statement-breakpoint
CREATE INDEX "registrations_of_event" ON "event_registrations" USING btree ("event_id","status","mode","queue_position");--> statement-breakpoint
CREATE INDEX "registrations_of_member" ON "event_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_event_per_slug" ON "events" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "one_event_per_source_key" ON "events" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "events_by_start" ON "events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "events_of_series" ON "events" USING btree ("series_id","starts_at");