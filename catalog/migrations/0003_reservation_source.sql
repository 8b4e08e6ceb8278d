ALTER TABLE `reservations` ADD `source` text DEFAULT 'on_hand' NOT NULL;--> statement-breakpoint
ALTER TABLE `reservations` ADD `inbound_id` integer;