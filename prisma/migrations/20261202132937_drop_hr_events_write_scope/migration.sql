-- The "hr-events:write" token scope guarded no endpoint (the HR webhook receiver
-- authenticates with each connection's webhook secret), so it is no longer offered;
-- existing tokens lose it rather than carry a permission that means nothing.
UPDATE "ApiToken" SET "scopes" = array_remove("scopes", 'hr-events:write')
WHERE 'hr-events:write' = ANY ("scopes");
