-- The directory's broad searches (ADR 0015): the people of a search in name order, walked through this
-- index and stopped after one page instead of sorting tens of thousands of matches. The expression is the
-- one of `nameKey` in src/modules/people/directory/directory-search.ts (family name then given name, lower
-- case, accents aside): both must stay the same for the index to be used.
CREATE INDEX "users_by_name_key" ON "users" USING btree ((immutable_unaccent(lower(coalesce("usual_name" || ' ' || "given_name", "usual_name", "given_name", '')))), "id");--> statement-breakpoint
-- The members of an organisation (ministry and organisation filters, organisations that have members),
-- read from the index alone.
CREATE INDEX "users_by_organisation" ON "users" USING btree ("organisation_id") INCLUDE ("id", "erased_at");--> statement-breakpoint
-- The holders of a skill at a minimum level (the skill filter), read from the index alone.
DROP INDEX "profile_skills_by_skill_and_level";--> statement-breakpoint
CREATE INDEX "profile_skills_by_skill_and_level" ON "profile_skills" USING btree ("skill_id", "level") INCLUDE ("user_id");--> statement-breakpoint
-- The people of a job family (the job filter), read from the index alone.
CREATE INDEX "profiles_by_job_family" ON "profiles" USING btree ("job_family") INCLUDE ("user_id");
