CREATE TABLE `erp_endpoints` (
	`url` text PRIMARY KEY NOT NULL,
	`disabled_at` text,
	`disabled_reason` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `integration_requests` (
	`kind` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`response` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`kind`, `idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `order_status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` text NOT NULL,
	`status` text NOT NULL,
	`erp_order_number` text,
	`message` text,
	`data` text,
	`source` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_status_events_order_idx` ON `order_status_events` (`order_id`,`id`);--> statement-breakpoint
CREATE TABLE `outbox_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`at` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`status_code` integer,
	`outcome` text NOT NULL,
	`error` text,
	`next_attempt_at` text,
	`worker_id` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_attempts_event_idx` ON `outbox_attempts` (`event_id`,`id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `erp_order_number` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_status_code` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_attempt_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `lease_until` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `dead_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `replays` integer DEFAULT 0 NOT NULL;