-- The budget as it would have been without art. 7 Besluit Participatiewet,
-- where that applied to a year: the commission takes the vangnet thresholds
-- of it. NULL = not given (the thresholds are taken of the budget).
ALTER TABLE jaarcijfers ADD COLUMN budget_zonder_art7_cent BIGINT;
