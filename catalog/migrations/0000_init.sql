CREATE TABLE `allocation_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`warehouse` text,
	`protected_qty` real NOT NULL,
	`for_tier` text NOT NULL,
	FOREIGN KEY (`sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_rules_unique_idx` ON `allocation_rules` (`sku`,`warehouse`,`for_tier`);--> statement-breakpoint
CREATE TABLE `approval_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`tier` text,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`max_order_value_cents` integer NOT NULL,
	`max_discount_pct` real NOT NULL,
	`max_credit_overrun_cents` integer NOT NULL,
	`min_order_value_cents` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`subject` text NOT NULL,
	`reason` text,
	`data` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_subject_idx` ON `audit_log` (`subject`);--> statement-breakpoint
CREATE TABLE `categories` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`parent_code` text
);
--> statement-breakpoint
CREATE TABLE `compat_rules` (
	`code` text PRIMARY KEY NOT NULL,
	`scope` text NOT NULL,
	`category` text,
	`feature` text NOT NULL,
	`operator` text NOT NULL,
	`other_key` text NOT NULL,
	`other_category` text,
	`severity` text DEFAULT 'block' NOT NULL,
	`message` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `config_constraints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model_id` text NOT NULL,
	`kind` text NOT NULL,
	`if_group` text NOT NULL,
	`if_value` text NOT NULL,
	`then_group` text NOT NULL,
	`then_value` text NOT NULL,
	FOREIGN KEY (`model_id`) REFERENCES `config_models`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `config_constraints_model_idx` ON `config_constraints` (`model_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `config_constraints_unique_idx` ON `config_constraints` (`model_id`,`kind`,`if_group`,`if_value`,`then_group`,`then_value`);--> statement-breakpoint
CREATE TABLE `config_groups` (
	`model_id` text NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`min_choices` integer DEFAULT 1 NOT NULL,
	`max_choices` integer DEFAULT 1 NOT NULL,
	`default_value` text,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`model_id`, `code`),
	FOREIGN KEY (`model_id`) REFERENCES `config_models`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `config_models` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `config_options` (
	`model_id` text NOT NULL,
	`group_code` text NOT NULL,
	`value` text NOT NULL,
	`label` text NOT NULL,
	`price_delta_cents` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`model_id`, `group_code`, `value`)
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`role` text,
	`language` text DEFAULT 'en' NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contacts_customer_idx` ON `contacts` (`customer_id`);--> statement-breakpoint
CREATE TABLE `contract_prices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` text NOT NULL,
	`sku` text NOT NULL,
	`min_qty` real DEFAULT 1 NOT NULL,
	`price_cents` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contract_prices_unique_idx` ON `contract_prices` (`customer_id`,`sku`,`min_qty`,`valid_from`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`tier` text NOT NULL,
	`price_list_id` text,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`credit_limit_cents` integer DEFAULT 0 NOT NULL,
	`open_balance_cents` integer DEFAULT 0 NOT NULL,
	`payment_terms` text DEFAULT 'NET30' NOT NULL,
	`blocked` integer DEFAULT false NOT NULL,
	`blocked_reason` text,
	`region` text NOT NULL,
	`partial_shipment` integer DEFAULT true NOT NULL,
	`certifications` text DEFAULT '[]' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `fitment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`part_sku` text NOT NULL,
	`machine_model` text NOT NULL,
	`serial_from` text,
	`serial_to` text,
	`note` text,
	FOREIGN KEY (`part_sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`machine_model`) REFERENCES `machine_models`(`code`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fitment_unique_idx` ON `fitment` (`part_sku`,`machine_model`,`serial_from`,`serial_to`);--> statement-breakpoint
CREATE INDEX `fitment_model_idx` ON `fitment` (`machine_model`);--> statement-breakpoint
CREATE TABLE `machine_models` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`manufacturer` text,
	`category` text,
	`features` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `machines` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`model` text NOT NULL,
	`serial` text NOT NULL,
	`label` text NOT NULL,
	`site` text DEFAULT '' NOT NULL,
	`installed_at` text,
	`operating_data` text DEFAULT '{}' NOT NULL,
	`components` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`model`) REFERENCES `machine_models`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `machines_customer_idx` ON `machines` (`customer_id`);--> statement-breakpoint
CREATE TABLE `media_compat` (
	`material` text NOT NULL,
	`medium` text NOT NULL,
	`rating` text NOT NULL,
	PRIMARY KEY(`material`, `medium`)
);
--> statement-breakpoint
CREATE TABLE `order_history` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`ordered_at` text NOT NULL,
	`reference` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `order_history_customer_idx` ON `order_history` (`customer_id`,`ordered_at`);--> statement-breakpoint
CREATE TABLE `order_history_lines` (
	`order_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`sku` text NOT NULL,
	`quantity` real NOT NULL,
	`unit_price_cents` integer,
	`machine_id` text,
	PRIMARY KEY(`order_id`, `line_no`),
	FOREIGN KEY (`order_id`) REFERENCES `order_history`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `order_history_lines_sku_idx` ON `order_history_lines` (`sku`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`order_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`sku` text NOT NULL,
	`quantity` real NOT NULL,
	`unit` text NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`price_source` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`verdict` text NOT NULL,
	`options` text DEFAULT '{}' NOT NULL,
	`schedule` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`order_id`, `line_no`),
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`thread_id` text NOT NULL,
	`draft_hash` text NOT NULL,
	`customer_id` text NOT NULL,
	`contact_id` text,
	`channel` text DEFAULT 'widget' NOT NULL,
	`status` text DEFAULT 'handed_off' NOT NULL,
	`currency` text NOT NULL,
	`total_cents` integer NOT NULL,
	`po_reference` text,
	`ship_to_id` text,
	`payload` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_idempotency_idx` ON `orders` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `orders_customer_idx` ON `orders` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_thread_idx` ON `orders` (`thread_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`event_type` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`delivered_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `price_list_items` (
	`price_list_id` text NOT NULL,
	`sku` text NOT NULL,
	`min_qty` real DEFAULT 1 NOT NULL,
	`price_cents` integer NOT NULL,
	PRIMARY KEY(`price_list_id`, `sku`, `min_qty`),
	FOREIGN KEY (`price_list_id`) REFERENCES `price_lists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `price_lists` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `product_features` (
	`sku` text NOT NULL,
	`key` text NOT NULL,
	`type` text NOT NULL,
	`num_value` real,
	`text_value` text,
	`list_value` text,
	`bool_value` integer,
	`unit` text,
	PRIMARY KEY(`sku`, `key`),
	FOREIGN KEY (`sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `product_relations` (
	`sku` text NOT NULL,
	`type` text NOT NULL,
	`target_sku` text NOT NULL,
	`quantity` real DEFAULT 1 NOT NULL,
	`group_name` text,
	PRIMARY KEY(`sku`, `type`, `target_sku`),
	FOREIGN KEY (`sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `product_relations_target_idx` ON `product_relations` (`target_sku`,`type`);--> statement-breakpoint
CREATE TABLE `products` (
	`sku` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`manufacturer` text,
	`order_unit` text DEFAULT 'PCE' NOT NULL,
	`content_unit` text DEFAULT 'PCE' NOT NULL,
	`content_qty` real DEFAULT 1 NOT NULL,
	`moq` real DEFAULT 1 NOT NULL,
	`order_step` real DEFAULT 1 NOT NULL,
	`max_qty` real,
	`lead_time_days` integer DEFAULT 14 NOT NULL,
	`lifecycle` text DEFAULT 'active' NOT NULL,
	`successor_sku` text,
	`list_price_cents` integer NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`hazardous` integer DEFAULT false NOT NULL,
	`requires_certification` text,
	`blocked_regions` text DEFAULT '[]' NOT NULL,
	`config_model_id` text,
	`machine_model` text
);
--> statement-breakpoint
CREATE INDEX `products_category_idx` ON `products` (`category`);--> statement-breakpoint
CREATE INDEX `products_successor_idx` ON `products` (`successor_sku`);--> statement-breakpoint
CREATE TABLE `reservations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`warehouse` text NOT NULL,
	`quantity` real NOT NULL,
	`order_id` text,
	`thread_id` text,
	`expires_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reservations_sku_idx` ON `reservations` (`sku`,`warehouse`);--> statement-breakpoint
CREATE TABLE `ship_tos` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`label` text NOT NULL,
	`street` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`country` text NOT NULL,
	`region` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ship_tos_customer_idx` ON `ship_tos` (`customer_id`);--> statement-breakpoint
CREATE TABLE `stock` (
	`sku` text NOT NULL,
	`warehouse` text NOT NULL,
	`on_hand` real DEFAULT 0 NOT NULL,
	`reserved` real DEFAULT 0 NOT NULL,
	`updated_at` text,
	PRIMARY KEY(`sku`, `warehouse`),
	FOREIGN KEY (`sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`warehouse`) REFERENCES `warehouses`(`code`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `stock_inbound` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`warehouse` text NOT NULL,
	`quantity` real NOT NULL,
	`eta` text NOT NULL,
	`reference` text,
	FOREIGN KEY (`sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`warehouse`) REFERENCES `warehouses`(`code`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `stock_inbound_sku_idx` ON `stock_inbound` (`sku`,`eta`);--> statement-breakpoint
CREATE UNIQUE INDEX `stock_inbound_unique_idx` ON `stock_inbound` (`sku`,`warehouse`,`eta`);--> statement-breakpoint
CREATE TABLE `warehouses` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`region` text NOT NULL,
	`ship_days_local` integer DEFAULT 1 NOT NULL,
	`ship_days_remote` integer DEFAULT 3 NOT NULL
);
