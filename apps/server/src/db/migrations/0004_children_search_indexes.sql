DROP INDEX "children_name_idx";--> statement-breakpoint
DROP INDEX "children_initials_idx";--> statement-breakpoint
CREATE INDEX "children_initials_idx" ON "children" USING btree ("county_code","name_initials" text_pattern_ops);