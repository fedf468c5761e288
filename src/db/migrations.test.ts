import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { openTestDatabase } from "../../tests/support/test-platform.ts";
import { type DatabaseHandle, rowsOf } from "./client.ts";

/**
 * The schema the migrations produce, table by table: `column type [not null] [default …]`, in column order.
 * A migration that changes it must change this list too: review it as the documentation of the schema.
 */
const expectedTables: Record<string, string[]> = {
  agreement_events: [
    "id uuid not null default gen_random_uuid()",
    "agreement_id uuid not null",
    "version integer not null",
    "kind text not null",
    "actor text not null",
    "actor_name text not null default ''::text",
    "detail text not null default ''::text",
    "at timestamp with time zone not null default now()",
  ],
  agreement_links: [
    "token_hash text not null",
    "signature_id uuid not null",
    "expires_at timestamp with time zone not null",
    "created_at timestamp with time zone not null default now()",
  ],
  agreement_signatures: [
    "id uuid not null default gen_random_uuid()",
    "agreement_id uuid not null",
    "version integer not null",
    "role text not null",
    "name text not null",
    "email text not null",
    "decision text",
    "reason text not null default ''::text",
    "decided_at timestamp with time zone",
    "decided_via text",
    "invalidated_at timestamp with time zone",
    "asked_at timestamp with time zone not null default now()",
    "reminded_at timestamp with time zone",
    "reminded_again_at timestamp with time zone",
    "member_told_at timestamp with time zone",
  ],
  agreement_third_signatories: [
    "ministry_id uuid not null",
    "kind text not null",
    "name text not null",
    "email text not null",
    "updated_at timestamp with time zone not null default now()",
  ],
  agreement_versions: [
    "agreement_id uuid not null",
    "version integer not null",
    "share_kind text not null",
    "half_days_per_month smallint not null",
    "starts_on date not null",
    "ends_on date not null",
    "projects jsonb not null default '[]'::jsonb",
    "member_name text not null",
    "member_email text not null",
    "member_organisation text not null default ''::text",
    "ministry_id uuid",
    "manager_name text not null",
    "manager_email text not null",
    "charter_version text not null",
    "created_at timestamp with time zone not null default now()",
  ],
  agreements: [
    "id uuid not null default gen_random_uuid()",
    "user_id uuid not null",
    "season_id uuid not null",
    "status text not null default 'sent'::text",
    "current_version integer not null default 1",
    "share_details boolean not null default false",
    "ended_on date",
    "ended_by text",
    "end_reason text not null default ''::text",
    "created_at timestamp with time zone not null default now()",
    "updated_at timestamp with time zone not null default now()",
  ],
  assignment_locks: [
    "season_id uuid not null",
    "user_id uuid not null",
    "project_id uuid not null",
    "locked_by uuid",
    "created_at timestamp with time zone not null default now()",
  ],
  attestations: [
    "id uuid not null default gen_random_uuid()",
    "code text not null",
    "user_id uuid not null",
    "season_id uuid not null",
    "facts jsonb not null",
    "pdf bytea not null",
    "sha256 text not null",
    "issued_at timestamp with time zone not null default now()",
  ],
  cafe_pair_members: [
    "pair_id uuid not null",
    "round_id uuid not null",
    "user_id uuid not null",
    "ministry_id uuid",
    "opt_out_token_hash text not null",
  ],
  cafe_pairs: [
    "id uuid not null default gen_random_uuid()",
    "round_id uuid not null",
    "size smallint not null",
  ],
  cafe_participants: [
    "user_id uuid not null",
    "opted_in_at timestamp with time zone not null",
    "opted_out_at timestamp with time zone",
  ],
  cafe_rounds: [
    "id uuid not null default gen_random_uuid()",
    "month text not null",
    "ran_at timestamp with time zone not null",
    "unpaired_user_ids ARRAY not null default '{}'::uuid[]",
  ],
  join_requests: [
    "id uuid not null default gen_random_uuid()",
    "season_id uuid not null",
    "project_id uuid not null",
    "user_id uuid not null",
    "message text not null default ''::text",
    "state text not null default 'pending'::text",
    "decided_by uuid",
    "decided_at timestamp with time zone",
    "created_at timestamp with time zone not null default now()",
  ],
  project_needs: [
    "project_id uuid not null",
    "season_id uuid not null",
    "min_size smallint not null",
    "max_size smallint not null",
    "skills jsonb not null default '[]'::jsonb",
    "rhythm text not null",
    "why_join text not null default ''::text",
    "updated_by uuid",
    "updated_at timestamp with time zone not null default now()",
  ],
  team_assignments: [
    "season_id uuid not null",
    "settings jsonb not null",
    "draft jsonb",
    "computed_at timestamp with time zone",
    "objective double precision",
    "proven_optimal boolean",
    "published_at timestamp with time zone",
    "published_by uuid",
    "version integer not null default 1",
    "updated_at timestamp with time zone not null default now()",
  ],
  team_members: [
    "id uuid not null default gen_random_uuid()",
    "season_id uuid not null",
    "project_id uuid not null",
    "user_id uuid not null",
    "role text not null",
    "source text not null",
    "created_at timestamp with time zone not null default now()",
  ],
  wish_lists: [
    "user_id uuid not null",
    "season_id uuid not null",
    "any_project boolean not null default false",
    "keep_previous_project boolean not null default false",
    "state text not null default 'draft'::text",
    "submitted_at timestamp with time zone",
    "updated_at timestamp with time zone not null default now()",
  ],
  wishes: [
    "user_id uuid not null",
    "season_id uuid not null",
    "rank smallint not null",
    "project_id uuid not null",
    "motivation text not null default ''::text",
  ],
  calendar_feeds: [
    "user_id uuid not null",
    "token text not null",
    "created_at timestamp with time zone not null default now()",
  ],
  calls: [
    "id uuid not null default gen_random_uuid()",
    "season_id uuid not null",
    "title text not null",
    "opens_at timestamp with time zone not null",
    "closes_at timestamp with time zone not null",
    "created_at timestamp with time zone not null default now()",
  ],
  contact_messages: [
    "id uuid not null default gen_random_uuid()",
    "sender_id uuid",
    "sender_name text not null",
    "sender_email text not null",
    "topic text not null",
    "body text not null",
    "status text not null default 'new'::text",
    "created_at timestamp with time zone not null default now()",
    "last_activity_at timestamp with time zone not null default now()",
    "archived_at timestamp with time zone",
  ],
  contact_replies: [
    "id uuid not null default gen_random_uuid()",
    "message_id uuid not null",
    "author_id uuid",
    "body text not null",
    "created_at timestamp with time zone not null default now()",
  ],
  content_assets: [
    "id uuid not null default gen_random_uuid()",
    "path text not null",
    "storage_key text not null",
    "content_type text not null",
    "size integer not null",
    "sha256 text not null",
    "file_name text not null",
    "created_at timestamp with time zone not null default now()",
    "created_by uuid",
  ],
  content_items: [
    "id uuid not null default gen_random_uuid()",
    "kind text not null",
    "slug text not null",
    "path text not null",
    "title text not null",
    "summary text",
    "body text not null default ''::text",
    "body_format text not null default 'markdown'::text",
    "cover_image text",
    "cover_image_alt text",
    "tags ARRAY not null default '{}'::text[]",
    "date timestamp with time zone",
    "status text not null default 'draft'::text",
    "publish_at timestamp with time zone",
    "details jsonb not null default '{}'::jsonb",
    "source_key text",
    "import_hash text",
    "version integer not null default 1",
    "search_vector tsvector",
    "created_at timestamp with time zone not null default now()",
    "updated_at timestamp with time zone not null default now()",
    "updated_by uuid",
  ],
  content_redirects: [
    "from_path text not null",
    "item_id uuid",
    "target_path text",
    "created_at timestamp with time zone not null default now()",
  ],
  content_revisions: [
    "id uuid not null default gen_random_uuid()",
    "item_id uuid not null",
    "version integer not null",
    "snapshot jsonb not null",
    "author_id uuid",
    "author_label text not null",
    "note text not null",
    "created_at timestamp with time zone not null default now()",
  ],
  dev_mails: [
    "id uuid not null default gen_random_uuid()",
    "to text not null",
    "subject text not null",
    "text text not null",
    "html text",
    "created_at timestamp with time zone not null default now()",
    "calendar text",
    "attachments jsonb not null default '[]'::jsonb",
  ],
  email_domains: [
    "domain text not null",
    "organisation_id uuid",
    "added_by uuid",
    "created_at timestamp with time zone not null default now()",
  ],
  event_projects: [
    "event_id uuid not null",
    "project_id uuid not null",
  ],
  event_registrations: [
    "id uuid not null default gen_random_uuid()",
    "event_id uuid not null",
    "user_id uuid",
    "email text",
    "given_name text",
    "usual_name text",
    "organisation_name text",
    "mode text not null",
    "status text not null",
    "queue_position bigint not null default nextval('event_registrations_queue_position_seq'::regclass)",
    "answers jsonb not null default '{}'::jsonb",
    "check_in_token text not null",
    "confirmation_token_hash text",
    "attended_at timestamp with time zone",
    "attendance_marked_by uuid",
    "created_at timestamp with time zone not null default now()",
    "updated_at timestamp with time zone not null default now()",
    "confirmed_at timestamp with time zone",
    "cancelled_at timestamp with time zone",
  ],
  event_reminders: [
    "registration_id uuid not null",
    "kind text not null",
    "sent_at timestamp with time zone not null",
  ],
  event_series: [
    "id uuid not null default gen_random_uuid()",
    "title text not null",
    "rule jsonb not null",
    "created_by uuid",
    "created_at timestamp with time zone not null default now()",
  ],
  events: [
    "id uuid not null default gen_random_uuid()",
    "slug text not null",
    "kind text not null",
    "title text not null",
    "description text not null default ''::text",
    "starts_at timestamp with time zone not null",
    "ends_at timestamp with time zone not null",
    "agenda jsonb not null default '[]'::jsonb",
    "place_name text",
    "place_address text",
    "place_access text",
    "visio_url text",
    "in_person_capacity integer",
    "remote_capacity integer",
    "registration_opens_at timestamp with time zone",
    "registration_closes_at timestamp with time zone",
    "cancellation_closes_at timestamp with time zone",
    "access_list_due_at timestamp with time zone",
    "audience text not null default 'members'::text",
    "audience_project_id uuid",
    "season_id uuid",
    "series_id uuid",
    "questions jsonb not null default '[]'::jsonb",
    "status text not null default 'scheduled'::text",
    "cancellation_reason text",
    "trainers text",
    "replay_url text",
    "slides_url text",
    "resources jsonb not null default '[]'::jsonb",
    "source_key text",
    "version integer not null default 1",
    "created_by uuid",
    "created_at timestamp with time zone not null default now()",
    "updated_at timestamp with time zone not null default now()",
  ],
  magic_links: [
    "id uuid not null default gen_random_uuid()",
    "email text not null",
    "token_hash text not null",
    "return_to text",
    "requested_ip text",
    "created_at timestamp with time zone not null default now()",
    "expires_at timestamp with time zone not null",
    "used_at timestamp with time zone",
  ],
  manager_summaries: [
    "manager_email text not null",
    "month text not null",
    "sent_at timestamp with time zone not null default now()",
  ],
  organisations: [
    "id uuid not null default gen_random_uuid()",
    "name text not null",
    "acronym text",
    "kind text not null",
    "parent_id uuid",
    "siren text",
    "created_at timestamp with time zone not null default now()",
    "siret text",
    "ministry_id uuid",
    "reference_id text",
    "updated_at timestamp with time zone not null default now()",
  ],
  participations: [
    "id uuid not null default gen_random_uuid()",
    "user_id uuid not null",
    "season text not null",
    "project_slug text",
    "project_title text",
    "role text",
    "created_at timestamp with time zone not null default now()",
  ],
  profile_skills: ["user_id uuid not null", "skill_id uuid not null", "level smallint not null"],
  profiles: [
    "user_id uuid not null",
    "slug text not null",
    "unlisted_organisation text",
    "job_family text",
    "bio text",
    "learning_wishes text",
    "availability text",
    "forge_url text",
    "tchap_id text",
    "manager_name text",
    "manager_email text",
    "visibility text not null default 'members'::text",
    "charter_accepted_at timestamp with time zone",
    "onboarding_step integer not null default 1",
    "joined_at timestamp with time zone",
    "created_at timestamp with time zone not null default now()",
    "updated_at timestamp with time zone not null default now()",
    "search_vector tsvector",
    "search_text text",
  ],
  project_seasons: [
    "project_id uuid not null",
    "season_id uuid not null",
    "entry text not null",
    "decision_reason text",
    "decided_by uuid",
    "decided_at timestamp with time zone not null default now()",
  ],
  projects: [
    "id uuid not null default gen_random_uuid()",
    "slug text not null",
    "title text not null",
    "pitch text not null default ''::text",
    "problem text not null default ''::text",
    "repository_url text",
    "tchap_room text",
    "skills_sought jsonb not null default '[]'::jsonb",
    "sponsor_organisation_id uuid",
    "participating_organisation_ids ARRAY not null default '{}'::uuid[]",
    "proposal_id uuid",
    "content_path text",
    "created_at timestamp with time zone not null default now()",
    "updated_at timestamp with time zone not null default now()",
  ],
  proposal_reviews: [
    "id uuid not null default gen_random_uuid()",
    "proposal_id uuid not null",
    "reviewer_id uuid not null",
    "common_interest smallint not null",
    "immediate_need smallint not null",
    "openness smallint not null",
    "comment text not null default ''::text",
    "private_note text",
    "created_at timestamp with time zone not null default now()",
    "updated_at timestamp with time zone not null default now()",
  ],
  proposal_supports: [
    "id uuid not null default gen_random_uuid()",
    "proposal_id uuid not null",
    "user_id uuid not null",
    "organisation_id uuid",
    "statement text not null",
    "created_at timestamp with time zone not null default now()",
  ],
  proposal_transitions: [
    "id uuid not null default gen_random_uuid()",
    "proposal_id uuid not null",
    "from_state text not null",
    "to_state text not null",
    "actor_id uuid",
    "message text",
    "created_at timestamp with time zone not null default now()",
    "conflict_declared boolean not null default false",
  ],
  proposals: [
    "id uuid not null default gen_random_uuid()",
    "call_id uuid not null",
    "author_id uuid not null",
    "state text not null default 'draft'::text",
    "title text not null",
    "problem text not null default ''::text",
    "need_holders text not null default ''::text",
    "expected_impact text not null default ''::text",
    "success_indicators text not null default ''::text",
    "data_sources text not null default ''::text",
    "data_access text not null default ''::text",
    "code_repository text",
    "code_licence text",
    "skills_sought jsonb not null default '[]'::jsonb",
    "deliverable text not null default ''::text",
    "milestones text not null default ''::text",
    "upkeep text not null default ''::text",
    "sponsor_organisation_id uuid",
    "participating_organisation_ids ARRAY not null default '{}'::uuid[]",
    "information_request text",
    "decision_reason text",
    "submitted_at timestamp with time zone",
    "decided_at timestamp with time zone",
    "version integer not null default 1",
    "created_at timestamp with time zone not null default now()",
    "updated_at timestamp with time zone not null default now()",
  ],
  season_phases: [
    "id uuid not null default gen_random_uuid()",
    "season_id uuid not null",
    "position integer not null",
    "key text not null",
    "name text not null",
    "starts_on date not null",
    "ends_on date not null",
  ],
  seasons: [
    "id uuid not null default gen_random_uuid()",
    "slug text not null",
    "name text not null",
    "starts_on date not null",
    "ends_on date not null",
    "created_at timestamp with time zone not null default now()",
    "updated_at timestamp with time zone not null default now()",
  ],
  sessions: [
    "id uuid not null default gen_random_uuid()",
    "token_hash text not null",
    "user_id uuid not null",
    "method text not null",
    "user_agent text",
    "id_token text",
    "created_at timestamp with time zone not null default now()",
    "last_seen_at timestamp with time zone not null default now()",
    "expires_at timestamp with time zone not null",
    "revoked_at timestamp with time zone",
  ],
  skills: [
    "id uuid not null default gen_random_uuid()",
    "slug text not null",
    "name text not null",
    "category text not null",
    "synonyms ARRAY not null default '{}'::text[]",
    "status text not null default 'accepted'::text",
    "proposed_by uuid",
    "created_at timestamp with time zone not null default now()",
  ],
  time_entries: [
    "id uuid not null default gen_random_uuid()",
    "user_id uuid not null",
    "worked_on date not null",
    "half_days smallint not null",
    "project_id uuid",
    "description text not null",
    "created_at timestamp with time zone not null default now()",
    "updated_at timestamp with time zone not null default now()",
  ],
  user_roles: [
    "id uuid not null default gen_random_uuid()",
    "user_id uuid not null",
    "role text not null",
    "organisation_id uuid",
    "created_at timestamp with time zone not null default now()",
  ],
  users: [
    "id uuid not null default gen_random_uuid()",
    "email text not null",
    "given_name text",
    "usual_name text",
    "organisation_id uuid",
    "proconnect_sub text",
    "siret text",
    "created_at timestamp with time zone not null default now()",
    "updated_at timestamp with time zone not null default now()",
    "last_sign_in_at timestamp with time zone",
    "erased_at timestamp with time zone",
  ],
  project_reuses: [
    "id uuid not null default gen_random_uuid()",
    "project_id uuid not null",
    "organisation_id uuid not null",
    "season_id uuid",
    "purpose text not null",
    "since date not null",
    "declared_by uuid",
    "created_at timestamp with time zone not null default now()",
  ],
  workspace_framings: [
    "project_id uuid not null",
    "season_id uuid not null",
    "version integer not null",
    "content jsonb not null",
    "public_sections ARRAY not null default '{}'::text[]",
    "author_id uuid",
    "created_at timestamp with time zone not null default now()",
    "reviewed_by uuid",
    "reviewed_at timestamp with time zone",
    "review_note text not null default ''::text",
  ],
  workspace_links: [
    "id uuid not null default gen_random_uuid()",
    "project_id uuid not null",
    "season_id uuid not null",
    "kind text not null",
    "label text not null",
    "url text",
    "media_path text",
    "public boolean not null default false",
    "created_by uuid",
    "created_at timestamp with time zone not null default now()",
  ],
  workspace_log_entries: [
    "id uuid not null default gen_random_uuid()",
    "project_id uuid not null",
    "season_id uuid not null",
    "event_id uuid",
    "happened_on date not null",
    "done text not null",
    "decisions text not null default ''::text",
    "next_steps text not null default ''::text",
    "blockers text not null default ''::text",
    "weather text not null",
    "weather_note text not null default ''::text",
    "author_id uuid",
    "created_at timestamp with time zone not null default now()",
  ],
  workspace_milestones: [
    "id uuid not null default gen_random_uuid()",
    "project_id uuid not null",
    "season_id uuid not null",
    "phase text not null",
    "title text not null",
    "due_on date not null",
    "owner_id uuid",
    "state text not null default 'todo'::text",
    "is_presentation boolean not null default false",
    "created_by uuid",
    "created_at timestamp with time zone not null default now()",
    "updated_at timestamp with time zone not null default now()",
  ],
  workspace_restitutions: [
    "project_id uuid not null",
    "season_id uuid not null",
    "summary text not null default ''::text",
    "slides_url text",
    "slides_media_path text",
    "video_url text",
    "demo_url text",
    "updated_by uuid",
    "updated_at timestamp with time zone not null default now()",
  ],
};

/** Unique indexes carry a business rule: they are named after it. */
const expectedUniqueIndexes = [
  "one_account_per_email",
  "one_account_per_proconnect_subject",
  "one_agreement_version",
  "one_asset_per_path",
  "one_attestation_per_code",
  "one_cafe_opt_out_token",
  "one_cafe_pair_per_person_per_round",
  "one_cafe_round_per_month",
  "one_call_per_season",
  "one_entry_per_project_per_season",
  "one_event_per_slug",
  "one_event_per_source_key",
  "one_feed_per_token",
  "one_framing_version",
  "one_item_per_kind_and_slug",
  "one_item_per_path",
  "one_item_per_source",
  "one_level_per_person_per_skill",
  "one_link_per_event_project",
  "one_live_agreement_per_member_and_season",
  "one_live_registration_per_member",
  "one_live_registration_per_visitor",
  "one_lock_per_person_per_season",
  "one_magic_link_per_token",
  "one_manager_summary_per_month",
  "one_membership_per_person_per_pair",
  "one_need_per_project_per_season",
  "one_organisation_per_reference_id",
  "one_organisation_per_siren",
  "one_participation_per_person_season_project",
  "one_pending_request_per_person_per_season",
  "one_phase_per_season_position",
  "one_profile_per_slug",
  "one_project_per_proposal",
  "one_project_per_slug",
  "one_registration_per_check_in_token",
  "one_registration_per_confirmation_link",
  "one_reminder_per_kind",
  "one_restitution_per_project_per_season",
  "one_reuse_per_organisation_per_project",
  "one_review_per_reviewer_per_proposal",
  "one_revision_per_version",
  "one_role_grant_per_scope",
  "one_role_per_person_per_project_per_season",
  "one_season_per_slug",
  "one_session_per_token",
  "one_signature_per_role_and_version",
  "one_skill_per_slug",
  "one_support_per_person_per_proposal",
  "one_team_per_person_per_season",
  "one_wish_list_per_person_per_season",
  "one_wish_per_person_per_project",
  "one_wish_per_rank",
];

type ColumnRow = { table_name: string; column_name: string; data_type: string; is_nullable: "YES" | "NO"; column_default: string | null };

async function describeSchema(database: DatabaseHandle): Promise<Record<string, string[]>> {
  const rows = rowsOf<ColumnRow>(
    await database.db.execute(sql`
      select table_name, column_name, data_type, is_nullable, column_default
      from information_schema.columns
      where table_schema = 'public'
      order by table_name, ordinal_position`),
  );
  const tables: Record<string, string[]> = {};
  for (const row of rows) {
    const column = [row.column_name, row.data_type, row.is_nullable === "NO" ? "not null" : null, row.column_default ? `default ${row.column_default}` : null].filter(Boolean).join(" ");
    (tables[row.table_name] ??= []).push(column);
  }
  return tables;
}

async function uniqueIndexesNamedByIntent(database: DatabaseHandle): Promise<string[]> {
  const rows = rowsOf<{ indexname: string }>(
    await database.db.execute(sql`
      select indexname from pg_indexes
      where schemaname = 'public' and indexdef like 'CREATE UNIQUE INDEX%' and indexname not like '%_pkey'
      order by indexname`),
  );
  return rows.map((row) => row.indexname);
}

describe("database migrations", () => {
  let testDatabase: Awaited<ReturnType<typeof openTestDatabase>>;

  before(async () => {
    testDatabase = await openTestDatabase();
    await testDatabase.database.migrate();
  });
  after(async () => {
    await testDatabase.close();
  });

  it("create exactly the expected tables and columns", async () => {
    assert.deepEqual(await describeSchema(testDatabase.database), expectedTables);
  });

  it("name every unique index after the rule it enforces", async () => {
    assert.deepEqual(await uniqueIndexesNamedByIntent(testDatabase.database), expectedUniqueIndexes);
  });

  it("change nothing when run a second time", async () => {
    await testDatabase.database.migrate();
    assert.deepEqual(await describeSchema(testDatabase.database), expectedTables);
  });

  it("create the fr_unaccent text search configuration", async () => {
    const rows = rowsOf<{ cfgname: string }>(await testDatabase.database.db.execute(sql`select cfgname from pg_ts_config where cfgname = 'fr_unaccent'`));
    assert.deepEqual(
      rows.map((row) => row.cfgname),
      ["fr_unaccent"],
    );
  });

  it("make French search ignore accents and plurals: « Données » matches « donnee »", async () => {
    const [row] = rowsOf<{ matches: boolean; plain: boolean }>(
      await testDatabase.database.db.execute(sql`
        select to_tsvector('fr_unaccent', 'Données') @@ to_tsquery('fr_unaccent', 'donnee') as matches,
               to_tsvector('french', 'Données') @@ to_tsquery('french', 'donnee') as plain`),
    );
    assert.equal(row?.matches, true);
    assert.equal(row?.plain, false, "sans unaccent, la recherche française distingue les accents");
  });

  it("keep a profile's search document true when its skills, account name or organisation change", async () => {
    const db = testDatabase.database.db;
    const [row] = rowsOf<{ user_id: string; organisation_id: string; skill_id: string }>(
      await db.execute(sql`
        with organisation as (insert into organisations (name, kind) values ('Institut de test', 'body') returning id),
             person as (insert into users (email, given_name, usual_name, organisation_id) select 'zoe.trigger@insee.fr', 'Zoé', 'Quintard', id from organisation returning id, organisation_id),
             skill as (insert into skills (slug, name, category, synonyms) values ('python-test', 'Python', 'langages', '{py}') returning id)
        select person.id as user_id, person.organisation_id, skill.id as skill_id from person, skill`),
    );
    assert.ok(row);
    await db.execute(sql`insert into profiles (user_id, slug, bio) values (${row.user_id}, 'zoe-quintard', 'J’aime les données ouvertes')`);
    const matches = async (query: string) =>
      rowsOf<{ found: boolean }>(await db.execute(sql`select search_vector @@ websearch_to_tsquery('fr_unaccent', ${query}) as found from profiles where user_id = ${row.user_id}`))[0]?.found;
    assert.equal(await matches("donnees"), true, "la bio est cherchée sans accents");
    assert.equal(await matches("python"), false);
    await db.execute(sql`insert into profile_skills (user_id, skill_id, level) values (${row.user_id}, ${row.skill_id}, 3)`);
    assert.equal(await matches("python"), true, "une compétence ajoutée est cherchée");
    await db.execute(sql`update skills set name = 'Langage Python', synonyms = '{serpent}' where id = ${row.skill_id}`);
    assert.equal(await matches("serpent"), true, "un synonyme ajouté à la compétence est cherché");
    await db.execute(sql`update users set usual_name = 'Vasseur' where id = ${row.user_id}`);
    assert.equal(await matches("vasseur"), true, "le nom modifié du compte est cherché");
    await db.execute(sql`update organisations set acronym = 'ITEST' where id = ${row.organisation_id}`);
    assert.equal(await matches("itest"), true, "le sigle de l’organisation est cherché");
    await db.execute(sql`delete from profile_skills where user_id = ${row.user_id}`);
    assert.equal(await matches("serpent"), false, "une compétence retirée n’est plus cherchée");
  });
});
