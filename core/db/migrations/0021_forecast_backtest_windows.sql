-- The chosen forecast's mean over each backtest window of the latest forecast run, drawn
-- over the history on the product screen ("how the model would have done"). Only the
-- newest run keeps them, like its sample paths.
--   mean: Float32 little-endian, `steps` values from the period starting on `origin_day`.
CREATE TABLE forecast_backtest_windows (
  run_id      INTEGER NOT NULL REFERENCES forecast_runs(id) ON DELETE CASCADE,
  product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  location_id INTEGER NOT NULL DEFAULT 1 REFERENCES locations(id),
  origin_day  INTEGER NOT NULL,
  steps       INTEGER NOT NULL CHECK (steps > 0),
  mean        BLOB NOT NULL,
  PRIMARY KEY (run_id, product_id, location_id, origin_day)
) STRICT, WITHOUT ROWID;
