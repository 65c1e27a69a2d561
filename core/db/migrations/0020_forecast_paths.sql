-- Sample paths of the latest forecast run, so the plan sums demand over lead times from
-- the engine's own joint paths (quantiles of weekly demand do not add up). Only the
-- newest run keeps its paths; older runs keep their quantiles in `forecasts`.
--   paths: Float32 little-endian, path-major (path 0 steps 1..h, path 1 …), `path_count` × `steps`.
CREATE TABLE forecast_paths (
  run_id      INTEGER NOT NULL REFERENCES forecast_runs(id) ON DELETE CASCADE,
  product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  location_id INTEGER NOT NULL DEFAULT 1 REFERENCES locations(id),
  path_count  INTEGER NOT NULL CHECK (path_count > 0),
  steps       INTEGER NOT NULL CHECK (steps > 0),
  paths       BLOB NOT NULL,
  PRIMARY KEY (run_id, product_id, location_id)
) STRICT, WITHOUT ROWID;

-- What the run was made from, so "forecast if stale" can tell whether anything changed.
ALTER TABLE forecast_runs ADD COLUMN data_fingerprint TEXT;
