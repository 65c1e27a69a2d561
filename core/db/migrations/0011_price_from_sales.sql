-- A selling price filled in from sales files (no price list gave one) remembers the day of
-- the sale it came from, so a later sales file with newer sales updates it; a price a product
-- list gave has NULL here and is never changed by sales.
ALTER TABLE products ADD COLUMN price_sale_day INTEGER;
