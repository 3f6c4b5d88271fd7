-- CreateTable
CREATE TABLE "Installation" (
    "singleton" BOOLEAN NOT NULL DEFAULT true,
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("singleton")
);

-- CreateIndex
CREATE UNIQUE INDEX "Installation_id_key" ON "Installation"("id");

-- One row only: the key is always true.
ALTER TABLE "Installation" ADD CONSTRAINT "Installation_singleton_check" CHECK ("singleton");
