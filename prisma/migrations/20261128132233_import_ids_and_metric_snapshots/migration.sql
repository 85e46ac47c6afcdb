-- AlterTable
ALTER TABLE "Actor" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "Alliance" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "NeedAssessment" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "PracticeAssessment" ADD COLUMN     "externalId" TEXT;

-- CreateTable
CREATE TABLE "MetricSnapshot" (
    "id" SERIAL NOT NULL,
    "territoryId" INTEGER NOT NULL,
    "asOf" DATE NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trigger" TEXT NOT NULL,
    "graphVersion" INTEGER NOT NULL,
    "metrics" JSONB NOT NULL,

    CONSTRAINT "MetricSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MetricSnapshot_asOf_idx" ON "MetricSnapshot"("asOf");

-- CreateIndex
CREATE UNIQUE INDEX "MetricSnapshot_territoryId_asOf_key" ON "MetricSnapshot"("territoryId", "asOf");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_source_externalId_key" ON "Actor"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Alliance_source_externalId_key" ON "Alliance"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Interaction_source_externalId_key" ON "Interaction"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "NeedAssessment_source_externalId_key" ON "NeedAssessment"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeAssessment_source_externalId_key" ON "PracticeAssessment"("source", "externalId");

-- AddForeignKey
ALTER TABLE "MetricSnapshot" ADD CONSTRAINT "MetricSnapshot_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;
