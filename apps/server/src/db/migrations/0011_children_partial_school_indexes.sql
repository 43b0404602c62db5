DROP INDEX "children_school_idx";--> statement-breakpoint
DROP INDEX "children_class_idx";--> statement-breakpoint
CREATE INDEX "children_school_idx" ON "children" USING btree ("county_code","school_id","grade") WHERE school_id is not null;--> statement-breakpoint
CREATE INDEX "children_class_idx" ON "children" USING btree ("county_code","class_id") WHERE class_id is not null;