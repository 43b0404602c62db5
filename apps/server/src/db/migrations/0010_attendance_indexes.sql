DROP INDEX "audit_child_idx";--> statement-breakpoint
DROP INDEX "attendance_reports_day_idx";--> statement-breakpoint
CREATE INDEX "roster_entries_class_idx" ON "roster_entries" USING btree ("county_code","snapshot_id","grade","class_name");--> statement-breakpoint
CREATE INDEX "audit_child_idx" ON "audit_events" USING btree ("county_code","child_id") WHERE child_id is not null;--> statement-breakpoint
CREATE INDEX "attendance_reports_day_idx" ON "attendance_reports" USING btree ("county_code","date","class_id");