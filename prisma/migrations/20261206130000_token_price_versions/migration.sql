-- A tokens class (ResourceKind TOKENS, a shared model tier) is priced per million tokens: its list
-- price (ResourceClass.listPriceMinorPerHour) is minor units per million tokens. Its price
-- versions therefore carry that price in "minorPerMillionTokens" and 0 per unit-hour, so that
-- rating prices gateway tokens at it and the class's (zero) unit-seconds at nothing. Compute
-- classes keep their versions as before: the price per unit-hour and no token price.
CREATE OR REPLACE FUNCTION tessera_price_version_follow() RETURNS trigger AS $$
DECLARE
  per_hour integer := CASE WHEN NEW."kind" = 'TOKENS' THEN 0 ELSE NEW."listPriceMinorPerHour" END;
  per_million integer := CASE WHEN NEW."kind" = 'TOKENS' THEN NEW."listPriceMinorPerHour" END;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "PriceVersion" ("id", "resourceClassId", "effectiveFrom", "currency",
                                "minorPerUnitHour", "minorPerMillionTokens")
    VALUES (gen_random_uuid()::text, NEW."id", TIMESTAMP '1970-01-01 00:00:00', NEW."currency",
            per_hour, per_million);
  ELSIF NEW."listPriceMinorPerHour" IS DISTINCT FROM OLD."listPriceMinorPerHour" THEN
    INSERT INTO "PriceVersion" ("id", "resourceClassId", "effectiveFrom", "currency",
                                "minorPerUnitHour", "minorPerMillionTokens")
    VALUES (gen_random_uuid()::text, NEW."id", clock_timestamp() AT TIME ZONE 'UTC', NEW."currency",
            per_hour, per_million);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
