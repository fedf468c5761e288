CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"title" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_closes_after_it_opens" CHECK ("calls"."closes_at" > "calls"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "project_seasons" (
	"project_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"entry" text NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_entry_per_project_per_season" PRIMARY KEY("project_id","season_id"),
	CONSTRAINT "project_season_entry" CHECK ("project_seasons"."entry" in ('selected', 'carried_over'))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"pitch" text DEFAULT '' NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"repository_url" text,
	"tchap_room" text,
	"skills_sought" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sponsor_organisation_id" uuid,
	"participating_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"proposal_id" uuid,
	"content_path" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"common_interest" smallint NOT NULL,
	"immediate_need" smallint NOT NULL,
	"openness" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"private_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_scores_0_to_3" CHECK ("proposal_reviews"."common_interest" between 0 and 3 and "proposal_reviews"."immediate_need" between 0 and 3 and "proposal_reviews"."openness" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "proposal_supports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"statement" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"need_holders" text DEFAULT '' NOT NULL,
	"expected_impact" text DEFAULT '' NOT NULL,
	"success_indicators" text DEFAULT '' NOT NULL,
	"data_sources" text DEFAULT '' NOT NULL,
	"data_access" text DEFAULT '' NOT NULL,
	"code_repository" text,
	"code_licence" text,
	"skills_sought" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deliverable" text DEFAULT '' NOT NULL,
	"milestones" text DEFAULT '' NOT NULL,
	"upkeep" text DEFAULT '' NOT NULL,
	"sponsor_organisation_id" uuid,
	"participating_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"information_request" text,
	"decision_reason" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_state" CHECK ("proposals"."state" in ('draft', 'submitted', 'under_review', 'information_requested', 'selected', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "season_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "phase_ends_after_it_starts" CHECK ("season_phases"."ends_on" >= "season_phases"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "seasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "season_ends_after_it_starts" CHECK ("seasons"."ends_on" >= "seasons"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_seasons" ADD CONSTRAINT "project_seasons_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_seasons" ADD CONSTRAINT "project_seasons_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_seasons" ADD CONSTRAINT "project_seasons_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_sponsor_organisation_id_organisations_id_fk" FOREIGN KEY ("sponsor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_reviews" ADD CONSTRAINT "proposal_reviews_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_reviews" ADD CONSTRAINT "proposal_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supports" ADD CONSTRAINT "proposal_supports_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supports" ADD CONSTRAINT "proposal_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supports" ADD CONSTRAINT "proposal_supports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_transitions" ADD CONSTRAINT "proposal_transitions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_transitions" ADD CONSTRAINT "proposal_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_sponsor_organisation_id_organisations_id_fk" FOREIGN KEY ("sponsor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_phases" ADD CONSTRAINT "season_phases_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_call_per_season" ON "calls" USING btree ("season_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_project_per_slug" ON "projects" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "one_project_per_proposal" ON "projects" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_review_per_reviewer_per_proposal" ON "proposal_reviews" USING btree ("proposal_id","reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_support_per_person_per_proposal" ON "proposal_supports" USING btree ("proposal_id","user_id");--> statement-breakpoint
CREATE INDEX "proposal_transitions_by_proposal" ON "proposal_transitions" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "proposals_by_call_and_state" ON "proposals" USING btree ("call_id","state");--> statement-breakpoint
CREATE INDEX "proposals_by_author" ON "proposals" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_phase_per_season_position" ON "season_phases" USING btree ("season_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "one_season_per_slug" ON "seasons" USING btree ("slug");