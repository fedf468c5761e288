CREATE TABLE "cafe_pair_members" (
	"pair_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"ministry_id" uuid,
	"opt_out_token_hash" text NOT NULL,
	CONSTRAINT "one_membership_per_person_per_pair" PRIMARY KEY("pair_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cafe_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"size" smallint NOT NULL,
	CONSTRAINT "cafe_pair_of_two_or_three" CHECK ("cafe_pairs"."size" in (2, 3))
);
--> statement-breakpoint
CREATE TABLE "cafe_participants" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"opted_in_at" timestamp with time zone NOT NULL,
	"opted_out_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cafe_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" text NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"unpaired_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	CONSTRAINT "cafe_round_month_is_yyyy_mm" CHECK ("cafe_rounds"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "cafe_pair_members" ADD CONSTRAINT "cafe_pair_members_pair_id_cafe_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."cafe_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_pair_members" ADD CONSTRAINT "cafe_pair_members_round_id_cafe_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."cafe_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_pair_members" ADD CONSTRAINT "cafe_pair_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_pair_members" ADD CONSTRAINT "cafe_pair_members_ministry_id_organisations_id_fk" FOREIGN KEY ("ministry_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_pairs" ADD CONSTRAINT "cafe_pairs_round_id_cafe_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."cafe_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_participants" ADD CONSTRAINT "cafe_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_cafe_pair_per_person_per_round" ON "cafe_pair_members" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_cafe_opt_out_token" ON "cafe_pair_members" USING btree ("opt_out_token_hash");--> statement-breakpoint
CREATE INDEX "cafe_pair_members_by_user" ON "cafe_pair_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cafe_pairs_by_round" ON "cafe_pairs" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_cafe_round_per_month" ON "cafe_rounds" USING btree ("month");