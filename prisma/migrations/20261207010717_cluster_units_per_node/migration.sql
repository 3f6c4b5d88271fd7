-- How many units of a class one node of a cluster has (GPUs per node, cores per node), so that a
-- job larger than a node is placed on whole nodes instead of being asked of one node. Rows from
-- before this migration have none recorded (null): their jobs keep asking for one node.
-- AlterTable
ALTER TABLE "ClusterResource" ADD COLUMN     "unitsPerNode" INTEGER;

ALTER TABLE "ClusterResource" ADD CONSTRAINT "ClusterResource_unitsPerNode_positive"
  CHECK ("unitsPerNode" IS NULL OR "unitsPerNode" > 0);
