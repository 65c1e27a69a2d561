-- Shelfcast workspace schema, version 1.
--
-- Conventions (documented once, here):
--   * Days are INTEGER day numbers: days since 1970-01-01 (UTC calendar date, no time).
--     Timestamps of app actions are TEXT ISO-8601 UTC ('2026-11-22T10:00:00.000Z').
--   * Money is INTEGER cents (minor units of the shop's currency) in columns named *_cents.
--   * Quantities are REAL: shops sell by weight, and some exports carry sales values
--     (e.g. Walmart's weekly sales) rather than units.
--   * Every table is STRICT; foreign keys are enforced (PRAGMA foreign_keys = ON).

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL -- JSON
) STRICT;

CREATE TABLE imports (
  id             INTEGER PRIMARY KEY,
  file_name      TEXT NOT NULL,
  content_hash   TEXT NOT NULL,
  kind           TEXT NOT NULL,
  mapping        TEXT,           -- JSON: the column mapping used
  rows_read      INTEGER NOT NULL DEFAULT 0,
  rows_imported  INTEGER NOT NULL DEFAULT 0,
  rows_rejected  INTEGER NOT NULL DEFAULT 0,
  rows_duplicate INTEGER NOT NULL DEFAULT 0,
  error_report   TEXT,           -- JSON: rejected rows (file, line, column, reason)
  created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX imports_hash ON imports(content_hash);

CREATE TABLE locations (
  id   INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
) STRICT;
INSERT INTO locations (id, code, name) VALUES (1, 'main', 'Main shop');

CREATE TABLE suppliers (
  id                     INTEGER PRIMARY KEY,
  name                   TEXT NOT NULL UNIQUE COLLATE NOCASE,
  contact                TEXT,
  email                  TEXT,
  phone                  TEXT,
  default_lead_time_days REAL CHECK (default_lead_time_days IS NULL OR default_lead_time_days >= 0),
  min_order_value_cents  INTEGER CHECK (min_order_value_cents IS NULL OR min_order_value_cents >= 0),
  import_id              INTEGER REFERENCES imports(id) ON DELETE SET NULL
) STRICT;

CREATE TABLE products (
  id                 INTEGER PRIMARY KEY,
  sku                TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL,
  category           TEXT,
  unit_cost_cents    INTEGER CHECK (unit_cost_cents IS NULL OR unit_cost_cents >= 0),
  unit_price_cents   INTEGER CHECK (unit_price_cents IS NULL OR unit_price_cents >= 0),
  supplier_id        INTEGER REFERENCES suppliers(id) ON DELETE SET NULL,
  lead_time_days     REAL CHECK (lead_time_days IS NULL OR lead_time_days >= 0),
  moq                REAL CHECK (moq IS NULL OR moq >= 0),
  case_pack          REAL CHECK (case_pack IS NULL OR case_pack > 0),
  shelf_life_days    REAL CHECK (shelf_life_days IS NULL OR shelf_life_days > 0),
  service_level      REAL CHECK (service_level IS NULL OR (service_level > 0 AND service_level < 1)),
  active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_by_import  INTEGER REFERENCES imports(id) ON DELETE SET NULL,
  import_id          INTEGER REFERENCES imports(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX products_supplier ON products(supplier_id);
CREATE INDEX products_category ON products(category);

CREATE TABLE customers (
  id          INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL UNIQUE,
  name        TEXT,
  import_id   INTEGER REFERENCES imports(id) ON DELETE SET NULL
) STRICT;

-- Sales: transaction lines (is_total = 0) or daily/weekly totals (is_total = 1).
-- natural_key is a 64-bit hash of the row's natural key (see core/import), so the same
-- row arriving again from another file is recognised and not counted twice.
CREATE TABLE sales (
  id               INTEGER PRIMARY KEY,
  product_id       INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  location_id      INTEGER NOT NULL DEFAULT 1 REFERENCES locations(id),
  customer_id      INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  day              INTEGER NOT NULL,
  quantity         REAL NOT NULL,
  unit_price_cents INTEGER,
  revenue_cents    INTEGER,
  order_ref        TEXT,
  is_total         INTEGER NOT NULL DEFAULT 0 CHECK (is_total IN (0, 1)),
  import_id        INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  natural_key      INTEGER NOT NULL UNIQUE
) STRICT;
CREATE INDEX sales_product_day ON sales(product_id, location_id, day);
CREATE INDEX sales_import ON sales(import_id);
CREATE INDEX sales_customer ON sales(customer_id) WHERE customer_id IS NOT NULL;

CREATE TABLE stock_snapshots (
  id          INTEGER PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  location_id INTEGER NOT NULL DEFAULT 1 REFERENCES locations(id),
  day         INTEGER NOT NULL,
  on_hand     REAL NOT NULL,
  import_id   INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  UNIQUE (product_id, location_id, day)
) STRICT;

CREATE TABLE purchase_orders (
  id           INTEGER PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE,
  supplier_id  INTEGER REFERENCES suppliers(id) ON DELETE SET NULL,
  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'received', 'cancelled')),
  created_at   TEXT NOT NULL,
  sent_at      TEXT,
  received_at  TEXT,
  expected_day INTEGER,
  notes        TEXT,
  import_id    INTEGER REFERENCES imports(id) ON DELETE CASCADE
) STRICT;

CREATE TABLE po_lines (
  id                INTEGER PRIMARY KEY,
  po_id             INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
  product_id        INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  location_id       INTEGER NOT NULL DEFAULT 1 REFERENCES locations(id),
  quantity          REAL NOT NULL CHECK (quantity > 0),
  received_quantity REAL NOT NULL DEFAULT 0,
  unit_cost_cents   INTEGER,
  expected_day      INTEGER,
  recommendation_id INTEGER
) STRICT;
CREATE INDEX po_lines_po ON po_lines(po_id);
CREATE INDEX po_lines_product ON po_lines(product_id);

CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL DEFAULT 'other' CHECK (type IN ('promo', 'holiday', 'closure', 'other')),
  start_day   INTEGER NOT NULL,
  end_day     INTEGER NOT NULL,
  scope       TEXT NOT NULL DEFAULT 'all' CHECK (scope IN ('all', 'category', 'sku')),
  scope_value TEXT,
  multiplier  REAL CHECK (multiplier IS NULL OR multiplier >= 0),
  source      TEXT NOT NULL DEFAULT 'user' CHECK (source IN ('user', 'import')),
  import_id   INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  CHECK (end_day >= start_day),
  CHECK ((scope = 'all') = (scope_value IS NULL))
) STRICT;

CREATE TABLE forecast_runs (
  id          INTEGER PRIMARY KEY,
  created_at  TEXT NOT NULL,
  as_of_day   INTEGER NOT NULL,
  period      TEXT NOT NULL DEFAULT 'week' CHECK (period IN ('day', 'week')),
  horizon     INTEGER NOT NULL,
  status      TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
  n_series    INTEGER NOT NULL DEFAULT 0,
  n_fallbacks INTEGER NOT NULL DEFAULT 0,
  duration_ms INTEGER,
  summary     TEXT -- JSON: overall metrics, fallbacks (series and reason)
) STRICT;

CREATE TABLE forecasts (
  run_id       INTEGER NOT NULL REFERENCES forecast_runs(id) ON DELETE CASCADE,
  product_id   INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  location_id  INTEGER NOT NULL DEFAULT 1 REFERENCES locations(id),
  step         INTEGER NOT NULL,
  period_start INTEGER NOT NULL, -- day number
  mean         REAL NOT NULL,
  q05 REAL NOT NULL, q10 REAL NOT NULL, q25 REAL NOT NULL, q50 REAL NOT NULL,
  q75 REAL NOT NULL, q90 REAL NOT NULL, q95 REAL NOT NULL,
  PRIMARY KEY (run_id, product_id, location_id, step)
) STRICT, WITHOUT ROWID;

CREATE TABLE backtests (
  run_id      INTEGER NOT NULL REFERENCES forecast_runs(id) ON DELETE CASCADE,
  product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  location_id INTEGER NOT NULL DEFAULT 1 REFERENCES locations(id),
  model       TEXT NOT NULL,
  origins     INTEGER NOT NULL,
  mase        REAL,
  spl         REAL,
  wape        REAL,
  bias        REAL,
  coverage80  REAL,
  naive_mase  REAL,
  PRIMARY KEY (run_id, product_id, location_id, model)
) STRICT, WITHOUT ROWID;

CREATE TABLE model_registry (
  id          INTEGER PRIMARY KEY,
  product_id  INTEGER REFERENCES products(id) ON DELETE CASCADE, -- NULL for global models
  location_id INTEGER REFERENCES locations(id),
  model       TEXT NOT NULL,
  params      TEXT NOT NULL, -- JSON
  version     INTEGER NOT NULL,
  metrics     TEXT,          -- JSON
  champion    INTEGER NOT NULL DEFAULT 0 CHECK (champion IN (0, 1)),
  run_id      INTEGER REFERENCES forecast_runs(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX model_registry_product ON model_registry(product_id, location_id);

CREATE TABLE product_classes (
  product_id   INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  location_id  INTEGER NOT NULL DEFAULT 1 REFERENCES locations(id),
  abc          TEXT CHECK (abc IN ('A', 'B', 'C')),
  xyz          TEXT CHECK (xyz IN ('X', 'Y', 'Z')),
  pattern      TEXT CHECK (pattern IN ('smooth', 'erratic', 'intermittent', 'lumpy')),
  is_new       INTEGER NOT NULL DEFAULT 0,
  is_dead      INTEGER NOT NULL DEFAULT 0,
  adi          REAL,
  cv2          REAL,
  history_periods INTEGER,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (product_id, location_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE recommendations (
  id              INTEGER PRIMARY KEY,
  run_id          INTEGER REFERENCES forecast_runs(id) ON DELETE SET NULL,
  product_id      INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  location_id     INTEGER NOT NULL DEFAULT 1 REFERENCES locations(id),
  supplier_id     INTEGER REFERENCES suppliers(id) ON DELETE SET NULL,
  created_at      TEXT NOT NULL,
  inputs          TEXT NOT NULL, -- JSON: every input of the policy
  on_hand         REAL NOT NULL,
  on_order        REAL NOT NULL,
  reorder_point   REAL NOT NULL,
  order_up_to     REAL NOT NULL,
  safety_stock    REAL NOT NULL,
  suggested_qty   REAL NOT NULL,
  final_qty       REAL,
  unit_cost_cents INTEGER,
  priority        TEXT NOT NULL CHECK (priority IN ('urgent', 'high', 'medium', 'low')),
  reasoning       TEXT NOT NULL,
  outputs         TEXT NOT NULL, -- JSON: days of cover, stockout date/probability, ...
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'edited', 'rejected', 'expired')),
  decided_at      TEXT
) STRICT;
CREATE INDEX recommendations_status ON recommendations(status);
CREATE INDEX recommendations_product ON recommendations(product_id);

CREATE TABLE alerts (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  severity     TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  product_id   INTEGER REFERENCES products(id) ON DELETE CASCADE,
  location_id  INTEGER REFERENCES locations(id),
  message      TEXT NOT NULL,
  details      TEXT,
  created_at   TEXT NOT NULL,
  acknowledged_at TEXT
) STRICT;
CREATE INDEX alerts_open ON alerts(acknowledged_at, severity);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL DEFAULT 'owner',
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT,
  before    TEXT, -- JSON
  after     TEXT  -- JSON
) STRICT;
