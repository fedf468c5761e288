CREATE TABLE "participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"season" text NOT NULL,
	"project_slug" text,
	"project_title" text,
	"role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_skills" (
	"user_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "one_level_per_person_per_skill" PRIMARY KEY("user_id","skill_id"),
	CONSTRAINT "skill_level" CHECK ("profile_skills"."level" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"unlisted_organisation" text,
	"job_family" text,
	"bio" text,
	"learning_wishes" text,
	"availability" text,
	"forge_url" text,
	"tchap_id" text,
	"manager_name" text,
	"manager_email" text,
	"visibility" text DEFAULT 'members' NOT NULL,
	"charter_accepted_at" timestamp with time zone,
	"onboarding_step" integer DEFAULT 1 NOT NULL,
	"joined_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector",
	"search_text" text,
	CONSTRAINT "profile_visibility" CHECK ("profiles"."visibility" in ('members', 'programme_team')),
	CONSTRAINT "profile_onboarding_step" CHECK ("profiles"."onboarding_step" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'accepted' NOT NULL,
	"proposed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skill_status" CHECK ("skills"."status" in ('accepted', 'proposed'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "siret" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "ministry_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "reference_id" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_skills" ADD CONSTRAINT "profile_skills_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_skills" ADD CONSTRAINT "profile_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_participation_per_person_season_project" ON "participations" USING btree ("user_id","season",coalesce("project_slug", ''));--> statement-breakpoint
CREATE INDEX "participations_by_season" ON "participations" USING btree ("season");--> statement-breakpoint
CREATE INDEX "participations_by_project" ON "participations" USING btree ("project_slug");--> statement-breakpoint
CREATE INDEX "profile_skills_by_skill_and_level" ON "profile_skills" USING btree ("skill_id","level");--> statement-breakpoint
CREATE UNIQUE INDEX "one_profile_per_slug" ON "profiles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "profiles_search_vector" ON "profiles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "profiles_search_text_trigrams" ON "profiles" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "profiles_in_directory" ON "profiles" USING btree ("joined_at","visibility");--> statement-breakpoint
CREATE UNIQUE INDEX "one_skill_per_slug" ON "skills" USING btree ("slug");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_ministry_id_organisations_id_fk" FOREIGN KEY ("ministry_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_organisation_per_reference_id" ON "organisations" USING btree ("reference_id");--> statement-breakpoint
CREATE INDEX "organisations_by_ministry" ON "organisations" USING btree ("ministry_id");--> statement-breakpoint
-- Each organisation knows its ministry: the nearest ancestor (or itself) of kind `ministry`.
WITH RECURSIVE chain AS (
  SELECT id AS organisation_id, id AS ancestor_id, kind, parent_id, 0 AS depth FROM organisations
  UNION ALL
  SELECT chain.organisation_id, parent.id, parent.kind, parent.parent_id, chain.depth + 1
  FROM chain JOIN organisations parent ON parent.id = chain.parent_id
  WHERE chain.kind <> 'ministry' AND chain.depth < 20
)
UPDATE organisations SET ministry_id = found.ancestor_id
FROM (SELECT DISTINCT ON (organisation_id) organisation_id, ancestor_id FROM chain WHERE kind = 'ministry' ORDER BY organisation_id, depth) AS found
WHERE organisations.id = found.organisation_id;--> statement-breakpoint
-- The directory's search document (ADR 0011): kept by the database so that every writer (profile, skills,
-- account name, organisation) keeps it true. Names and skills weigh most, then job and organisation, then the bio.
CREATE FUNCTION profiles_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  person record;
  skill_words text;
  job text;
BEGIN
  SELECT u.given_name, u.usual_name, o.name AS organisation, o.acronym, m.name AS ministry, m.acronym AS ministry_acronym
    INTO person
    FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id LEFT JOIN organisations m ON m.id = o.ministry_id
    WHERE u.id = NEW.user_id;
  SELECT string_agg(s.name || ' ' || array_to_string(s.synonyms, ' '), ' ') INTO skill_words
    FROM profile_skills ps JOIN skills s ON s.id = ps.skill_id WHERE ps.user_id = NEW.user_id;
  job := CASE NEW.job_family
    WHEN 'data_scientist' THEN 'data scientist'
    WHEN 'data_engineer' THEN 'data engineer ingénieur ingénieure des données'
    WHEN 'data_analyst' THEN 'data analyst analyste'
    WHEN 'statistician' THEN 'statisticien statisticienne statistique'
    WHEN 'developer' THEN 'développeur développeuse développement'
    WHEN 'data_project_lead' THEN 'chef cheffe de projet data'
    ELSE '' END;
  NEW.search_vector :=
    setweight(to_tsvector('fr_unaccent', concat_ws(' ', person.given_name, person.usual_name)), 'A') ||
    setweight(to_tsvector('fr_unaccent', coalesce(skill_words, '')), 'A') ||
    setweight(to_tsvector('fr_unaccent', concat_ws(' ', job, person.organisation, person.acronym, person.ministry, person.ministry_acronym, NEW.unlisted_organisation)), 'B') ||
    setweight(to_tsvector('fr_unaccent', concat_ws(' ', NEW.bio, NEW.learning_wishes)), 'C');
  NEW.search_text := immutable_unaccent(lower(concat_ws(' ', person.given_name, person.usual_name, skill_words, job, person.acronym, person.organisation, person.ministry_acronym, NEW.unlisted_organisation)));
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER profiles_search BEFORE INSERT OR UPDATE ON profiles FOR EACH ROW EXECUTE FUNCTION profiles_search_refresh();--> statement-breakpoint
-- Touching a profile (a no-op update) recomputes its document through the trigger above.
CREATE FUNCTION profiles_touch_changed_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE profiles SET updated_at = updated_at WHERE user_id IN (SELECT DISTINCT user_id FROM changed);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER profile_skills_inserted AFTER INSERT ON profile_skills REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION profiles_touch_changed_people();--> statement-breakpoint
CREATE TRIGGER profile_skills_updated AFTER UPDATE ON profile_skills REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION profiles_touch_changed_people();--> statement-breakpoint
CREATE TRIGGER profile_skills_deleted AFTER DELETE ON profile_skills REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION profiles_touch_changed_people();--> statement-breakpoint
CREATE FUNCTION profiles_touch_for_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE profiles SET updated_at = updated_at WHERE user_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER users_profile_search AFTER UPDATE OF given_name, usual_name, organisation_id ON users FOR EACH ROW EXECUTE FUNCTION profiles_touch_for_account();--> statement-breakpoint
CREATE FUNCTION profiles_touch_for_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE profiles SET updated_at = updated_at
  WHERE user_id IN (SELECT u.id FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE o.id = NEW.id OR o.ministry_id = NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER organisations_profile_search AFTER UPDATE OF name, acronym, ministry_id ON organisations FOR EACH ROW EXECUTE FUNCTION profiles_touch_for_organisation();--> statement-breakpoint
CREATE FUNCTION profiles_touch_for_skill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE profiles SET updated_at = updated_at WHERE user_id IN (SELECT user_id FROM profile_skills WHERE skill_id = NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER skills_profile_search AFTER UPDATE OF name, synonyms ON skills FOR EACH ROW EXECUTE FUNCTION profiles_touch_for_skill();
