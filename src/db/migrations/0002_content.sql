CREATE TABLE "content_assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"path" text NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"path" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"body" text DEFAULT '' NOT NULL,
	"body_format" text DEFAULT 'markdown' NOT NULL,
	"cover_image" text,
	"cover_image_alt" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"date" timestamp with time zone,
	"status" text DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_key" text,
	"import_hash" text,
	"version" integer DEFAULT 1 NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('fr_unaccent'::regconfig, body), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "content_item_kind" CHECK ("content_items"."kind" in ('news', 'page', 'project', 'event', 'training')),
	CONSTRAINT "content_item_status" CHECK ("content_items"."status" in ('draft', 'published')),
	CONSTRAINT "content_item_body_format" CHECK ("content_items"."body_format" in ('markdown', 'html'))
);
--> statement-breakpoint
CREATE TABLE "content_redirects" (
	"from_path" text PRIMARY KEY NOT NULL,
	"item_id" uuid,
	"target_path" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "redirect_has_one_target" CHECK (("content_redirects"."item_id" is null) <> ("content_redirects"."target_path" is null))
);
--> statement-breakpoint
CREATE TABLE "content_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"author_id" uuid,
	"author_label" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "content_assets" ADD CONSTRAINT "content_assets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_redirects" ADD CONSTRAINT "content_redirects_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD CONSTRAINT "content_revisions_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD CONSTRAINT "content_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_asset_per_path" ON "content_assets" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "one_item_per_path" ON "content_items" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "one_item_per_kind_and_slug" ON "content_items" USING btree ("kind","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "one_item_per_source" ON "content_items" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "content_items_listing" ON "content_items" USING btree ("kind","status","date");--> statement-breakpoint
CREATE INDEX "content_items_search" ON "content_items" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "one_revision_per_version" ON "content_revisions" USING btree ("item_id","version");