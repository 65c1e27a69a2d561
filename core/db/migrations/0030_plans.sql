-- Reorder plans: one row per run of the policy, so a recommendation knows which plan made
-- it and the Reorder screen can show the current plan's date, options and totals.
CREATE TABLE plans (
  id              INTEGER PRIMARY KEY,
  created_at      TEXT NOT NULL,
  as_of_day       INTEGER NOT NULL,  -- the day the plan is for (the day after the latest data)
  forecast_run_id INTEGER REFERENCES forecast_runs(id) ON DELETE SET NULL,
  options         TEXT NOT NULL,     -- JSON: service measure, trigger, EOQ floor, budget
  summary         TEXT NOT NULL      -- JSON: counts and totals
) STRICT;

ALTER TABLE recommendations ADD COLUMN plan_id INTEGER REFERENCES plans(id) ON DELETE CASCADE;
CREATE INDEX recommendations_plan ON recommendations(plan_id);
CREATE INDEX po_lines_recommendation ON po_lines(recommendation_id) WHERE recommendation_id IS NOT NULL;

-- The business day an order was raised (the plan's as-of day), which for imported
-- history can differ from the wall-clock created_at.
ALTER TABLE purchase_orders ADD COLUMN order_day INTEGER;
