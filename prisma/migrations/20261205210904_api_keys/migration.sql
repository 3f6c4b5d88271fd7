-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secretSha256" CHAR(64) NOT NULL,
    "previousSecretSha256" CHAR(64),
    "previousSecretExpiresAt" TIMESTAMP(3),
    "allowedModels" TEXT[],
    "allowedEndpointIds" TEXT[],
    "requestsPerMinute" INTEGER NOT NULL,
    "tokensPerMinute" INTEGER NOT NULL,
    "allowFallback" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_createdAt_idx" ON "ApiKey"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "ApiKey_updatedAt_idx" ON "ApiKey"("updatedAt");

-- Declared here rather than in the schema, so tenancy.prisma stays untouched (see gateway.prisma).
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- A key belongs to a project of its own organisation.
ALTER TABLE "Project" ADD CONSTRAINT "Project_id_organizationId_key" UNIQUE ("id", "organizationId");
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_project_fkey" FOREIGN KEY ("projectId", "organizationId") REFERENCES "Project"("id", "organizationId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_id_format" CHECK ("id" ~ '^[a-z2-7]{16}$');
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_secret_format" CHECK ("secretSha256" ~ '^[0-9a-f]{64}$' AND ("previousSecretSha256" IS NULL OR "previousSecretSha256" ~ '^[0-9a-f]{64}$'));
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_previous_secret_expires" CHECK (("previousSecretSha256" IS NULL) = ("previousSecretExpiresAt" IS NULL));
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_limits_positive" CHECK ("requestsPerMinute" > 0 AND "tokensPerMinute" > 0);
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_name_length" CHECK (char_length("name") BETWEEN 1 AND 80);
