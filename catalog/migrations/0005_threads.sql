CREATE TABLE `threads` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`contact_id` text,
	`channel` text DEFAULT 'widget' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`held_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `threads_customer_idx` ON `threads` (`customer_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `threads_status_idx` ON `threads` (`status`,`updated_at`);