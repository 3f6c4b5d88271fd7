-- Replica samples are now written only when an endpoint's counts move. Those written before, one
-- at every observation (every 2 s per endpoint), that repeat the counts of the sample before them
-- say nothing the chart does not already hold: they are removed.
DELETE FROM "EndpointReplicaSample" s
 USING (
   SELECT "id",
          "ready" = lag("ready") OVER w AND "desired" = lag("desired") OVER w AS "repeats"
     FROM "EndpointReplicaSample"
   WINDOW w AS (PARTITION BY "workloadId" ORDER BY "at", "id")
 ) r
 WHERE r."id" = s."id" AND r."repeats";
