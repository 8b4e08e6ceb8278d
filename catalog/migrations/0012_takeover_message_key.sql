ALTER TABLE `takeover_messages` ADD `message_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `takeover_messages_key_idx` ON `takeover_messages` (`thread_id`,`message_key`);