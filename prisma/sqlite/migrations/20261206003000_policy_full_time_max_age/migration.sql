-- The policy setting fullTimeBachelorUnderAge ("under this age", exclusive) is now
-- fullTimeBachelorMaxAge ("this age or under": 「35周岁以下」 includes 35). Stored versions keep
-- their number under the new name (docs/decisions/038).
UPDATE "PolicyVersion"
SET "overrides" = REPLACE("overrides", '"fullTimeBachelorUnderAge"', '"fullTimeBachelorMaxAge"')
WHERE "overrides" LIKE '%"fullTimeBachelorUnderAge"%';
