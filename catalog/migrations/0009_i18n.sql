CREATE TABLE `catalog_languages` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text,
	`is_default` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `category_texts` (
	`code` text NOT NULL,
	`lang` text NOT NULL,
	`name` text,
	`description` text,
	`keywords` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`code`, `lang`),
	FOREIGN KEY (`code`) REFERENCES `categories`(`code`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `config_texts` (
	`model_id` text NOT NULL,
	`group_code` text NOT NULL,
	`value` text DEFAULT '' NOT NULL,
	`lang` text NOT NULL,
	`label` text NOT NULL,
	PRIMARY KEY(`model_id`, `group_code`, `value`, `lang`),
	FOREIGN KEY (`model_id`) REFERENCES `config_models`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `feature_names` (
	`key` text NOT NULL,
	`lang` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`key`, `lang`)
);
--> statement-breakpoint
CREATE TABLE `product_search_terms` (
	`sku` text PRIMARY KEY NOT NULL,
	`names` text DEFAULT '' NOT NULL,
	`texts` text DEFAULT '' NOT NULL,
	`terms` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `product_texts` (
	`sku` text NOT NULL,
	`lang` text NOT NULL,
	`name` text,
	`description` text,
	`keywords` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`sku`, `lang`),
	FOREIGN KEY (`sku`) REFERENCES `products`(`sku`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `synonyms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lang` text NOT NULL,
	`term` text NOT NULL,
	`synonyms` text NOT NULL,
	`category` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `synonyms_unique_idx` ON `synonyms` (`lang`,`term`,`category`);--> statement-breakpoint
-- The search index gains three columns fed by product_search_terms (catalog/queries/search-terms.ts): `names`,
-- every language's names and keywords, `texts`, descriptions and the category's texts, and `terms`, the stems and
-- compound parts of names, keywords and category names. FTS5 tables cannot gain columns, so the index and its triggers are rebuilt here.
DROP TRIGGER IF EXISTS `product_search_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `product_search_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `product_search_au`;
--> statement-breakpoint
DROP TABLE IF EXISTS `product_search_vocab`;
--> statement-breakpoint
DROP TABLE IF EXISTS `product_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `product_search` USING fts5(
  sku, name, category, manufacturer, description, machine, names, texts, terms,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `product_search_vocab` USING fts5vocab(`product_search`, 'row');
--> statement-breakpoint
CREATE TRIGGER `product_search_ai` AFTER INSERT ON `products` BEGIN
  INSERT OR REPLACE INTO `product_search`(rowid, sku, name, category, manufacturer, description, machine, names, texts, terms)
  VALUES (NEW.rowid, NEW.sku, NEW.name,
    NEW.category || ' ' || coalesce((SELECT name FROM categories WHERE code = NEW.category), ''),
    coalesce(NEW.manufacturer, ''), NEW.description, coalesce(NEW.machine_model, ''),
    coalesce((SELECT names FROM product_search_terms WHERE sku = NEW.sku), ''),
    coalesce((SELECT texts FROM product_search_terms WHERE sku = NEW.sku), ''),
    coalesce((SELECT terms FROM product_search_terms WHERE sku = NEW.sku), ''));
  INSERT OR REPLACE INTO `product_sku_search`(rowid, sku) VALUES (NEW.rowid, NEW.sku);
END;
--> statement-breakpoint
CREATE TRIGGER `product_search_ad` AFTER DELETE ON `products` BEGIN
  DELETE FROM `product_search` WHERE rowid = OLD.rowid;
  DELETE FROM `product_sku_search` WHERE rowid = OLD.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `product_search_au` AFTER UPDATE ON `products` BEGIN
  DELETE FROM `product_search` WHERE rowid = OLD.rowid;
  DELETE FROM `product_sku_search` WHERE rowid = OLD.rowid;
  INSERT OR REPLACE INTO `product_search`(rowid, sku, name, category, manufacturer, description, machine, names, texts, terms)
  VALUES (NEW.rowid, NEW.sku, NEW.name,
    NEW.category || ' ' || coalesce((SELECT name FROM categories WHERE code = NEW.category), ''),
    coalesce(NEW.manufacturer, ''), NEW.description, coalesce(NEW.machine_model, ''),
    coalesce((SELECT names FROM product_search_terms WHERE sku = NEW.sku), ''),
    coalesce((SELECT texts FROM product_search_terms WHERE sku = NEW.sku), ''),
    coalesce((SELECT terms FROM product_search_terms WHERE sku = NEW.sku), ''));
  INSERT OR REPLACE INTO `product_sku_search`(rowid, sku) VALUES (NEW.rowid, NEW.sku);
END;
--> statement-breakpoint
CREATE TRIGGER `product_search_terms_ai` AFTER INSERT ON `product_search_terms` BEGIN
  DELETE FROM `product_search` WHERE rowid = (SELECT rowid FROM products WHERE sku = NEW.sku);
  INSERT INTO `product_search`(rowid, sku, name, category, manufacturer, description, machine, names, texts, terms)
  SELECT p.rowid, p.sku, p.name, p.category || ' ' || coalesce(c.name, ''), coalesce(p.manufacturer, ''),
    p.description, coalesce(p.machine_model, ''), NEW.names, NEW.texts, NEW.terms
  FROM products p LEFT JOIN categories c ON c.code = p.category WHERE p.sku = NEW.sku;
END;
--> statement-breakpoint
CREATE TRIGGER `product_search_terms_au` AFTER UPDATE ON `product_search_terms` BEGIN
  DELETE FROM `product_search` WHERE rowid = (SELECT rowid FROM products WHERE sku = OLD.sku);
  INSERT INTO `product_search`(rowid, sku, name, category, manufacturer, description, machine, names, texts, terms)
  SELECT p.rowid, p.sku, p.name, p.category || ' ' || coalesce(c.name, ''), coalesce(p.manufacturer, ''),
    p.description, coalesce(p.machine_model, ''), NEW.names, NEW.texts, NEW.terms
  FROM products p LEFT JOIN categories c ON c.code = p.category WHERE p.sku = NEW.sku;
END;
--> statement-breakpoint
CREATE TRIGGER `product_search_terms_ad` AFTER DELETE ON `product_search_terms` BEGIN
  DELETE FROM `product_search` WHERE rowid = (SELECT rowid FROM products WHERE sku = OLD.sku);
  INSERT INTO `product_search`(rowid, sku, name, category, manufacturer, description, machine, names, texts, terms)
  SELECT p.rowid, p.sku, p.name, p.category || ' ' || coalesce(c.name, ''), coalesce(p.manufacturer, ''),
    p.description, coalesce(p.machine_model, ''), '', '', ''
  FROM products p LEFT JOIN categories c ON c.code = p.category WHERE p.sku = OLD.sku;
END;
--> statement-breakpoint
INSERT INTO `product_search`(rowid, sku, name, category, manufacturer, description, machine, names, texts, terms)
SELECT p.rowid, p.sku, p.name, p.category || ' ' || coalesce(c.name, ''), coalesce(p.manufacturer, ''), p.description,
  coalesce(p.machine_model, ''), '', '', ''
FROM `products` p LEFT JOIN `categories` c ON c.code = p.category;
