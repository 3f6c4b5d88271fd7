-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('JOB_ENDED', 'REVIEW_ASSIGNED', 'APPLICATION_DECIDED', 'ORGANIZATION_STATUS', 'ALLOCATION_ALERT', 'INVITATION_ACCEPTED');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "eventKey" TEXT,
ADD COLUMN     "kind" "NotificationKind";

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "mail" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_eventKey_key" ON "Notification"("userId", "eventKey");

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
