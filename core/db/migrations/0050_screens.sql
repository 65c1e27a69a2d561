-- Screens: the owner's manual forecast overrides, sales periods marked as one-offs, and the
-- bookkeeping that turns alerts from a log into a list of open problems.
-- Conventions as in 0001_init.sql (day numbers, cents, STRICT).

-- A manual override of a product's forecast, made by the owner who knows better than the
-- model ("the school next door closes for the summer"). kind 'percent': the forecast is
-- scaled by (1 + value/100); kind 'units': the forecast is set to `value` units per period.
-- Active while removed_at IS NULL, for the forecast periods that start within
-- [start_day, end_day] (NULL: unbounded). Removing keeps the row (history, audit).
CREATE TABLE forecast_overrides (
  id          INTEGER PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  location_id INTEGER REFERENCES locations(id), -- NULL: every location
  kind        TEXT NOT NULL CHECK (kind IN ('percent', 'units')),
  value       REAL NOT NULL,
  start_day   INTEGER,
  end_day     INTEGER,
  reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  created_at  TEXT NOT NULL,
  removed_at  TEXT,
  CHECK (kind <> 'percent' OR (value > -100 AND value <= 1000)),
  CHECK (kind <> 'units' OR value >= 0),
  CHECK (start_day IS NULL OR end_day IS NULL OR end_day >= start_day)
) STRICT;
CREATE INDEX forecast_overrides_product ON forecast_overrides(product_id);

-- Sales days the owner marked as a one-off (a bulk order, a data error): the series builder
-- treats these days as missing, so the models ignore them, and the anomaly detector stops
-- reporting them. Days are inclusive.
CREATE TABLE anomaly_marks (
  id          INTEGER PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  location_id INTEGER REFERENCES locations(id), -- NULL: every location
  start_day   INTEGER NOT NULL,
  end_day     INTEGER NOT NULL,
  reason      TEXT,
  created_at  TEXT NOT NULL,
  removed_at  TEXT,
  CHECK (end_day >= start_day)
) STRICT;
CREATE INDEX anomaly_marks_product ON anomaly_marks(product_id);

-- Alerts: one row per problem while it lasts. dedupe_key names the problem (kind, product,
-- location, period) so a refresh updates the open row instead of adding another;
-- resolved_at is set when the condition no longer holds; notified_at when the desktop
-- notification for it was shown.
ALTER TABLE alerts ADD COLUMN dedupe_key TEXT;
ALTER TABLE alerts ADD COLUMN updated_at TEXT;
ALTER TABLE alerts ADD COLUMN resolved_at TEXT;
ALTER TABLE alerts ADD COLUMN notified_at TEXT;
CREATE INDEX alerts_key ON alerts(dedupe_key);
CREATE INDEX alerts_product ON alerts(product_id);

-- Per-product figures the screens sort and sum (stock, recent sales, forecast pace), computed
-- by the alerts refresh from the tables above so that a 10,000-product list sorts by any of
-- them in milliseconds. A derived cache: rebuilt whole by every refresh; the screens say when
-- the data changed since (alerts.state.stale) and start a refresh.
CREATE TABLE product_stats (
  product_id        INTEGER PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
  on_hand           REAL,    -- latest count minus later sales; NULL: never counted
  count_day         INTEGER,
  on_order          REAL NOT NULL DEFAULT 0,
  stock_value_cents INTEGER, -- on_hand × unit cost
  sold_28d          REAL NOT NULL DEFAULT 0,
  sold_52w          REAL NOT NULL DEFAULT 0,
  first_sale_day    INTEGER,
  last_sale_day     INTEGER,
  forecast_28d      REAL,    -- latest forecast's mean demand over the next 28 days
  weeks_of_cover    REAL,    -- on_hand / (forecast_28d / 4)
  updated_at        TEXT NOT NULL
) STRICT, WITHOUT ROWID;
