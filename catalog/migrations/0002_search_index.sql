-- Catalog search index (catalog/queries/search.ts): an FTS5 full-text index over the product text (bm25, prefix
-- queries) and a trigram index over SKUs (partial SKUs, typo candidates). Both are keyed by products.rowid and kept
-- in sync by triggers, so any importer, seed or manual edit updates them; rebuildSearchIndex() repairs them wholesale.
CREATE VIRTUAL TABLE `product_search` USING fts5(
  sku, name, category, manufacturer, description, machine,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `product_sku_search` USING fts5(sku, tokenize = 'trigram case_sensitive 0');
--> statement-breakpoint
CREATE VIRTUAL TABLE `product_search_vocab` USING fts5vocab(`product_search`, 'row');
--> statement-breakpoint
CREATE TRIGGER `product_search_ai` AFTER INSERT ON `products` BEGIN
  INSERT OR REPLACE INTO `product_search`(rowid, sku, name, category, manufacturer, description, machine)
  VALUES (NEW.rowid, NEW.sku, NEW.name,
    NEW.category || ' ' || coalesce((SELECT name FROM categories WHERE code = NEW.category), ''),
    coalesce(NEW.manufacturer, ''), NEW.description, coalesce(NEW.machine_model, ''));
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
  INSERT OR REPLACE INTO `product_search`(rowid, sku, name, category, manufacturer, description, machine)
  VALUES (NEW.rowid, NEW.sku, NEW.name,
    NEW.category || ' ' || coalesce((SELECT name FROM categories WHERE code = NEW.category), ''),
    coalesce(NEW.manufacturer, ''), NEW.description, coalesce(NEW.machine_model, ''));
  INSERT OR REPLACE INTO `product_sku_search`(rowid, sku) VALUES (NEW.rowid, NEW.sku);
END;
--> statement-breakpoint
INSERT INTO `product_search`(rowid, sku, name, category, manufacturer, description, machine)
SELECT p.rowid, p.sku, p.name, p.category || ' ' || coalesce(c.name, ''), coalesce(p.manufacturer, ''), p.description,
  coalesce(p.machine_model, '')
FROM `products` p LEFT JOIN `categories` c ON c.code = p.category;
--> statement-breakpoint
INSERT INTO `product_sku_search`(rowid, sku) SELECT rowid, sku FROM `products`;
