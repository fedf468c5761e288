CREATE TABLE "project_reuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"season_id" uuid,
	"purpose" text NOT NULL,
	"since" date NOT NULL,
	"declared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_framings" (
	"project_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"public_sections" text[] DEFAULT '{}'::text[] NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "one_framing_version" PRIMARY KEY("project_id","season_id","version"),
	CONSTRAINT "framing_version_positive" CHECK ("workspace_framings"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "workspace_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"url" text,
	"media_path" text,
	"public" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_kind" CHECK ("workspace_links"."kind" in ('forge', 'data', 'documentation', 'demo', 'tchap', 'file', 'other')),
	CONSTRAINT "link_has_a_target" CHECK (("workspace_links"."url" is not null) <> ("workspace_links"."media_path" is not null))
);
--> statement-breakpoint
CREATE TABLE "workspace_log_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"event_id" uuid,
	"happened_on" date NOT NULL,
	"done" text NOT NULL,
	"decisions" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"blockers" text DEFAULT '' NOT NULL,
	"weather" text NOT NULL,
	"weather_note" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "log_weather" CHECK ("workspace_log_entries"."weather" in ('on_track', 'watch', 'blocked'))
);
--> statement-breakpoint
CREATE TABLE "workspace_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"owner_id" uuid,
	"state" text DEFAULT 'todo' NOT NULL,
	"is_presentation" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_phase" CHECK ("workspace_milestones"."phase" in ('investigation', 'construction', 'amplification', 'restitution')),
	CONSTRAINT "milestone_state" CHECK ("workspace_milestones"."state" in ('todo', 'doing', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "workspace_restitutions" (
	"project_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"slides_url" text,
	"slides_media_path" text,
	"video_url" text,
	"demo_url" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_restitution_per_project_per_season" PRIMARY KEY("project_id","season_id")
);
--> statement-breakpoint
ALTER TABLE "project_reuses" ADD CONSTRAINT "project_reuses_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reuses" ADD CONSTRAINT "project_reuses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reuses" ADD CONSTRAINT "project_reuses_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reuses" ADD CONSTRAINT "project_reuses_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_framings" ADD CONSTRAINT "workspace_framings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_framings" ADD CONSTRAINT "workspace_framings_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_framings" ADD CONSTRAINT "workspace_framings_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_framings" ADD CONSTRAINT "workspace_framings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_links" ADD CONSTRAINT "workspace_links_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_links" ADD CONSTRAINT "workspace_links_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_links" ADD CONSTRAINT "workspace_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_log_entries" ADD CONSTRAINT "workspace_log_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_log_entries" ADD CONSTRAINT "workspace_log_entries_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_log_entries" ADD CONSTRAINT "workspace_log_entries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_log_entries" ADD CONSTRAINT "workspace_log_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_milestones" ADD CONSTRAINT "workspace_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_milestones" ADD CONSTRAINT "workspace_milestones_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_milestones" ADD CONSTRAINT "workspace_milestones_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_milestones" ADD CONSTRAINT "workspace_milestones_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_restitutions" ADD CONSTRAINT "workspace_restitutions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_restitutions" ADD CONSTRAINT "workspace_restitutions_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_restitutions" ADD CONSTRAINT "workspace_restitutions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_reuse_per_organisation_per_project" ON "project_reuses" USING btree ("project_id","organisation_id");--> statement-breakpoint
CREATE INDEX "workspace_links_by_project" ON "workspace_links" USING btree ("project_id","season_id");--> statement-breakpoint
CREATE INDEX "workspace_log_by_project" ON "workspace_log_entries" USING btree ("project_id","season_id","happened_on");--> statement-breakpoint
CREATE INDEX "workspace_milestones_by_project" ON "workspace_milestones" USING btree ("project_id","season_id","due_on");