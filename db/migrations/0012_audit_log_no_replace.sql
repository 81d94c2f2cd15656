-- audit_log is append-only (0010's triggers refuse UPDATE and DELETE). `INSERT OR REPLACE` with a taken id would
-- still replace a row: SQLite deletes the old row without firing DELETE triggers unless recursive_triggers is on.
-- An insert that names a taken id is refused before it gets there. (PostgreSQL has no REPLACE; its
-- `ON CONFLICT DO UPDATE` fires 0003's UPDATE trigger.)
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN NEW.`id` IS NOT NULL AND EXISTS (SELECT 1 FROM `audit_log` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be replaced');
END;
