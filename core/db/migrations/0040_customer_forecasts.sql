-- B2B customer predictions (PRODUCT.md §8): stored per run, shown by the Customers screen,
-- the product detail and the CLI, and invalidated when new data is imported.
--
-- A run is computed for every product by the customers job. It records what data it saw
-- (the sales fingerprint); the triggers below mark it stale as soon as an import commits or
-- is removed, so the app never serves predictions made from older data as current.

CREATE TABLE customer_forecast_runs (
  id               INTEGER PRIMARY KEY,
  created_at       TEXT NOT NULL,
  as_of_day        INTEGER NOT NULL,   -- first day of the forecast; history is every day before
  horizon_weeks    INTEGER NOT NULL CHECK (horizon_weeks > 0),
  settings         TEXT NOT NULL,      -- JSON: min orders, min confidence, paths, seed, at-risk threshold
  status           TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'stale')),
  sales_count      INTEGER NOT NULL,   -- fingerprint of the sales the run read
  sales_max_id     INTEGER NOT NULL,
  model            TEXT,               -- JSON: the shop model (priors, lapse calibration)
  products         INTEGER NOT NULL DEFAULT 0,
  products_failed  INTEGER NOT NULL DEFAULT 0,
  duration_ms      INTEGER
) STRICT;

-- One row per product the run looked at: status, headline numbers for sorting, and the weekly
-- view (weeks, top customers, at-risk list, issues) as JSON for the product detail.
CREATE TABLE customer_product_forecasts (
  run_id                 INTEGER NOT NULL REFERENCES customer_forecast_runs(id) ON DELETE CASCADE,
  product_id             INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  status                 TEXT NOT NULL CHECK (status IN ('ok', 'no_predictable_customers', 'failed')),
  expected_units         REAL,
  expected_revenue_cents INTEGER,
  customers_modelled     INTEGER NOT NULL DEFAULT 0,
  at_risk_customers      INTEGER NOT NULL DEFAULT 0,
  revenue_at_stake_cents INTEGER,
  message                TEXT,         -- the reason for 'no_predictable_customers' / 'failed'
  result                 TEXT NOT NULL, -- JSON
  PRIMARY KEY (run_id, product_id)
) STRICT, WITHOUT ROWID;

-- One row per modelled customer × product.
CREATE TABLE customer_predictions (
  run_id                 INTEGER NOT NULL REFERENCES customer_forecast_runs(id) ON DELETE CASCADE,
  product_id             INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  customer_id            INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  order_count            INTEGER NOT NULL,
  first_order_day        INTEGER NOT NULL,
  last_order_day         INTEGER NOT NULL,
  mean_interval_days     REAL,
  interval_spread_days   REAL,
  typical_interval_days  REAL NOT NULL,
  typical_quantity       REAL NOT NULL,
  expected_quantity      REAL NOT NULL,
  confidence             REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  probability_active     REAL NOT NULL CHECK (probability_active >= 0 AND probability_active <= 1),
  overdue_probability    REAL NOT NULL CHECK (overdue_probability >= 0 AND overdue_probability <= 1),
  next_order_day         INTEGER NOT NULL,
  next_order_low_day     INTEGER NOT NULL,
  next_order_high_day    INTEGER NOT NULL,
  likely_order_day       INTEGER,      -- if they order within the horizon, most likely then
  expected_orders        REAL NOT NULL,
  expected_units         REAL NOT NULL,
  revenue_at_stake_cents INTEGER,
  at_risk                INTEGER NOT NULL CHECK (at_risk IN (0, 1)),
  reason                 TEXT NOT NULL,
  weeks                  TEXT NOT NULL, -- JSON: per week P(next order), P(any order), expected units
  PRIMARY KEY (run_id, product_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_predictions_customer ON customer_predictions(run_id, customer_id);

CREATE TRIGGER customer_forecasts_stale_after_import AFTER INSERT ON imports
BEGIN
  UPDATE customer_forecast_runs SET status = 'stale' WHERE status = 'done';
END;

CREATE TRIGGER customer_forecasts_stale_after_import_removed AFTER DELETE ON imports
BEGIN
  UPDATE customer_forecast_runs SET status = 'stale' WHERE status = 'done';
END;
