CREATE TABLE "assignment_locks" (
	"season_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"locked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_lock_per_person_per_season" PRIMARY KEY("season_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "join_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "join_request_state" CHECK ("join_requests"."state" in ('pending', 'accepted', 'declined', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "project_needs" (
	"project_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"min_size" smallint NOT NULL,
	"max_size" smallint NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rhythm" text NOT NULL,
	"why_join" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_need_per_project_per_season" PRIMARY KEY("project_id","season_id"),
	CONSTRAINT "team_size_is_sensible" CHECK ("project_needs"."min_size" >= 1 and "project_needs"."max_size" >= "project_needs"."min_size" and "project_needs"."max_size" <= 50),
	CONSTRAINT "project_need_rhythm" CHECK ("project_needs"."rhythm" in ('in_person', 'remote', 'both'))
);
--> statement-breakpoint
CREATE TABLE "team_assignments" (
	"season_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"draft" jsonb,
	"computed_at" timestamp with time zone,
	"objective" double precision,
	"proven_optimal" boolean,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_member_role" CHECK ("team_members"."role" in ('lead', 'contributor', 'coach')),
	CONSTRAINT "team_member_source" CHECK ("team_members"."source" in ('named', 'assignment', 'join_request', 'import'))
);
--> statement-breakpoint
CREATE TABLE "wish_lists" (
	"user_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"any_project" boolean DEFAULT false NOT NULL,
	"keep_previous_project" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_wish_list_per_person_per_season" PRIMARY KEY("user_id","season_id"),
	CONSTRAINT "wish_list_state" CHECK ("wish_lists"."state" in ('draft', 'submitted'))
);
--> statement-breakpoint
CREATE TABLE "wishes" (
	"user_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	"project_id" uuid NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	CONSTRAINT "one_wish_per_rank" PRIMARY KEY("user_id","season_id","rank"),
	CONSTRAINT "wish_rank_1_to_5" CHECK ("wishes"."rank" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "assignment_locks" ADD CONSTRAINT "assignment_locks_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_locks" ADD CONSTRAINT "assignment_locks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_locks" ADD CONSTRAINT "assignment_locks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_locks" ADD CONSTRAINT "assignment_locks_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_needs" ADD CONSTRAINT "project_needs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_needs" ADD CONSTRAINT "project_needs_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_needs" ADD CONSTRAINT "project_needs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_assignments" ADD CONSTRAINT "team_assignments_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_assignments" ADD CONSTRAINT "team_assignments_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_lists" ADD CONSTRAINT "wish_lists_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_lists" ADD CONSTRAINT "wish_lists_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_pending_request_per_person_per_season" ON "join_requests" USING btree ("season_id","user_id") WHERE "join_requests"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "join_requests_by_project" ON "join_requests" USING btree ("project_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "one_role_per_person_per_project_per_season" ON "team_members" USING btree ("season_id","project_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_team_per_person_per_season" ON "team_members" USING btree ("season_id","user_id") WHERE "team_members"."role" <> 'coach';--> statement-breakpoint
CREATE INDEX "team_members_by_project" ON "team_members" USING btree ("project_id","season_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_wish_per_person_per_project" ON "wishes" USING btree ("user_id","season_id","project_id");--> statement-breakpoint
CREATE INDEX "wishes_by_season" ON "wishes" USING btree ("season_id");