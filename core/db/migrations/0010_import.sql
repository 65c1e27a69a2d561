-- Import bookkeeping (core/import). See core/import/README.md for the natural keys.

-- Totals say which period they cover: a weekly total is one row on the week's date.
ALTER TABLE sales ADD COLUMN period TEXT NOT NULL DEFAULT 'day' CHECK (period IN ('day', 'week', 'month'));

-- Rejected rows of an import, with where and why (the UI lists them, the owner exports them).
CREATE TABLE import_rejects (
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  line      INTEGER NOT NULL,
  column    TEXT,
  reason    TEXT NOT NULL,
  raw       TEXT,
  PRIMARY KEY (import_id, seq)
) STRICT, WITHOUT ROWID;

-- What an import changed in rows it did not create (so undo can put it back), and the
-- locations it created (locations carry no import_id of their own).
CREATE TABLE import_changes (
  id        INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  entity    TEXT NOT NULL CHECK (entity IN ('products', 'suppliers', 'customers', 'locations')),
  entity_id INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('insert', 'update')),
  before    TEXT, -- JSON: the changed columns' values before the import
  after     TEXT  -- JSON: the same columns after it
) STRICT;
CREATE INDEX import_changes_import ON import_changes(import_id);

-- Column mappings the owner chose, reused when a file with the same columns is dropped again.
CREATE TABLE import_mappings (
  signature   TEXT PRIMARY KEY, -- hash of the normalised header row
  source_name TEXT NOT NULL,    -- the file name it was saved from
  kind        TEXT NOT NULL,
  mapping     TEXT NOT NULL,    -- JSON
  updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX products_created_by_import ON products(created_by_import) WHERE created_by_import IS NOT NULL;
CREATE INDEX stock_import ON stock_snapshots(import_id);
CREATE INDEX purchase_orders_import ON purchase_orders(import_id);
CREATE INDEX events_import ON events(import_id);
