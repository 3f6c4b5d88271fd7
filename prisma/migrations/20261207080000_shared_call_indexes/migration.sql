-- Calls to the platform's shared endpoints (gateway records naming no workload), by token tier
-- and by model, in request-time order: the shared models' energy per 1,000 tokens counts only
-- the endpoints' metering windows a call of the tier or model arrived in (an EXISTS per window,
-- each a range probe of one of these), and sums the tokens of the month from them. Partial, so
-- that records of jobs, endpoints' windows and calls to an organisation's own endpoints add
-- nothing to them.
CREATE INDEX "UsageRecord_shared_calls_class_idx" ON "UsageRecord" ("resourceClassId", "intervalStart") WHERE "source" = 'GATEWAY_TOKENS' AND "workloadId" IS NULL;

CREATE INDEX "UsageRecord_shared_calls_model_idx" ON "UsageRecord" ("model", "intervalStart") WHERE "source" = 'GATEWAY_TOKENS' AND "workloadId" IS NULL;
