-- INSERT OR REPLACE / REPLACE delete the conflicting row without firing DELETE triggers (recursive_triggers is off),
-- so an audit entry could be rewritten. Refuse any insert that reuses an existing id (invariant 6).
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN NEW.`id` IS NOT NULL AND EXISTS (SELECT 1 FROM `audit_log` WHERE `id` = NEW.`id`)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
