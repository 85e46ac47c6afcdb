-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "TerritoryLevel" AS ENUM ('REGION', 'DEPARTEMENT', 'EPCI', 'COMMUNE', 'PROJECT');

-- CreateEnum
CREATE TYPE "SizeSegment" AS ENUM ('RURAL', 'SMALL_URBAN', 'MEDIUM_URBAN', 'METROPOLITAN');

-- CreateEnum
CREATE TYPE "Profile" AS ENUM ('ECONOMIC', 'GENERAL_INTEREST', 'PUBLIC', 'ACADEMIC');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('COMPANY', 'ESS', 'SIAE', 'ASSOCIATION', 'FOUNDATION', 'LOCAL_AUTHORITY', 'INSTITUTION', 'ACADEMIC');

-- CreateEnum
CREATE TYPE "Modality" AS ENUM ('DIALOGUE', 'SHARE', 'EXPERIMENT', 'CAPITALISE', 'EVALUATE', 'INNOVATE_TOGETHER', 'POOL_RESOURCES');

-- CreateEnum
CREATE TYPE "Lever" AS ENUM ('DATA', 'TOOLS', 'SKILLS', 'FINANCE', 'ENGINEERING', 'LISTENING_TIME', 'PROMOTION');

-- CreateEnum
CREATE TYPE "Impact" AS ENUM ('PERFORMANCE', 'INNOVATION', 'TRUST');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('LEAD', 'PARTNER', 'FUNDER', 'EXPERT', 'BENEFICIARY');

-- CreateEnum
CREATE TYPE "InteractionKind" AS ENUM ('MEETING', 'JOINT_PROJECT', 'RESOURCE_EXCHANGE', 'FUNDING');

-- CreateEnum
CREATE TYPE "EvaluationPhase" AS ENUM ('UPSTREAM', 'MIDWAY', 'DOWNSTREAM');

-- CreateEnum
CREATE TYPE "Fund" AS ENUM ('TERRITORIAL_ENGINEERING', 'PARTNERSHIP_INNOVATION', 'EQUITY', 'DIGITAL_SOLUTIONS', 'OTHER');

-- CreateEnum
CREATE TYPE "OutboxAggregate" AS ENUM ('ACTOR', 'ALLIANCE', 'INTERACTION');

-- CreateEnum
CREATE TYPE "OutboxOperation" AS ENUM ('CREATED', 'UPDATED', 'DELETED');

-- CreateTable
CREATE TABLE "Territory" (
    "id" SERIAL NOT NULL,
    "level" "TerritoryLevel" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT,
    "population" INTEGER,
    "overseas" BOOLEAN NOT NULL DEFAULT false,
    "sizeSegment" "SizeSegment",
    "path" TEXT NOT NULL DEFAULT '',
    "parentId" INTEGER,
    "regionId" INTEGER,
    "source" TEXT NOT NULL DEFAULT 'etalab',

    CONSTRAINT "Territory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ecosystem" (
    "id" SERIAL NOT NULL,
    "territoryId" INTEGER NOT NULL,
    "accompaniedSince" DATE NOT NULL,
    "pivotActorId" INTEGER,
    "source" TEXT NOT NULL DEFAULT 'api',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Ecosystem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "profile" "Profile" NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "isCatalyst" BOOLEAN NOT NULL DEFAULT false,
    "siren" TEXT,
    "siret" TEXT,
    "rna" TEXT,
    "description" TEXT,
    "website" TEXT,
    "source" TEXT NOT NULL DEFAULT 'api',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActorTerritory" (
    "actorId" INTEGER NOT NULL,
    "territoryId" INTEGER NOT NULL,

    CONSTRAINT "ActorTerritory_pkey" PRIMARY KEY ("actorId","territoryId")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "role" TEXT,
    "consentToPeers" BOOLEAN NOT NULL DEFAULT false,
    "consentAt" TIMESTAMP(3),
    "source" TEXT NOT NULL DEFAULT 'api',

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alliance" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT,
    "modalities" "Modality"[],
    "levers" "Lever"[],
    "impacts" "Impact"[],
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "source" TEXT NOT NULL DEFAULT 'api',
    "declaredById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Alliance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllianceMember" (
    "allianceId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "role" "MemberRole" NOT NULL DEFAULT 'PARTNER',
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "AllianceMember_pkey" PRIMARY KEY ("allianceId","actorId")
);

-- CreateTable
CREATE TABLE "Interaction" (
    "id" SERIAL NOT NULL,
    "kind" "InteractionKind" NOT NULL,
    "date" DATE NOT NULL,
    "description" TEXT,
    "intensity" INTEGER,
    "amountEuros" INTEGER,
    "allianceId" INTEGER,
    "source" TEXT NOT NULL DEFAULT 'api',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Interaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InteractionParticipant" (
    "interactionId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,

    CONSTRAINT "InteractionParticipant_pkey" PRIMARY KEY ("interactionId","actorId")
);

-- CreateTable
CREATE TABLE "NeedAssessment" (
    "id" SERIAL NOT NULL,
    "territoryId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "level" INTEGER NOT NULL,
    "assessedBy" TEXT NOT NULL,
    "notes" TEXT,
    "source" TEXT NOT NULL DEFAULT 'api',

    CONSTRAINT "NeedAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeAssessment" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'api',

    CONSTRAINT "PracticeAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeScore" (
    "assessmentId" INTEGER NOT NULL,
    "practice" TEXT NOT NULL,
    "score" INTEGER NOT NULL,

    CONSTRAINT "PracticeScore_pkey" PRIMARY KEY ("assessmentId","practice")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" SERIAL NOT NULL,
    "ecosystemId" INTEGER NOT NULL,
    "phase" "EvaluationPhase" NOT NULL,
    "date" DATE NOT NULL,
    "impact" INTEGER NOT NULL,
    "reproducibility" INTEGER NOT NULL,
    "promotion" INTEGER NOT NULL,
    "appetence" INTEGER NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'api',

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationLeverUse" (
    "evaluationId" INTEGER NOT NULL,
    "lever" "Lever" NOT NULL,
    "score" INTEGER NOT NULL,

    CONSTRAINT "EvaluationLeverUse_pkey" PRIMARY KEY ("evaluationId","lever")
);

-- CreateTable
CREATE TABLE "Funding" (
    "id" SERIAL NOT NULL,
    "fund" "Fund" NOT NULL,
    "amountEuros" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "ecosystemId" INTEGER,
    "recipientActorId" INTEGER,
    "source" TEXT NOT NULL DEFAULT 'api',

    CONSTRAINT "Funding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "position" BIGSERIAL NOT NULL,
    "aggregate" "OutboxAggregate" NOT NULL,
    "aggregateId" INTEGER NOT NULL,
    "operation" "OutboxOperation" NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("position")
);

-- CreateTable
CREATE TABLE "_ProjectMembers" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_ProjectMembers_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Territory_path_idx" ON "Territory"("path");

-- CreateIndex
CREATE INDEX "Territory_regionId_idx" ON "Territory"("regionId");

-- CreateIndex
CREATE INDEX "Territory_name_idx" ON "Territory"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Territory_level_code_key" ON "Territory"("level", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Ecosystem_territoryId_key" ON "Ecosystem"("territoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_siren_key" ON "Actor"("siren");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_siret_key" ON "Actor"("siret");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_rna_key" ON "Actor"("rna");

-- CreateIndex
CREATE INDEX "Actor_profile_idx" ON "Actor"("profile");

-- CreateIndex
CREATE INDEX "Actor_kind_idx" ON "Actor"("kind");

-- CreateIndex
CREATE INDEX "Actor_name_idx" ON "Actor"("name");

-- CreateIndex
CREATE INDEX "ActorTerritory_territoryId_idx" ON "ActorTerritory"("territoryId");

-- CreateIndex
CREATE INDEX "Person_actorId_idx" ON "Person"("actorId");

-- CreateIndex
CREATE INDEX "Alliance_startDate_idx" ON "Alliance"("startDate");

-- CreateIndex
CREATE INDEX "AllianceMember_actorId_idx" ON "AllianceMember"("actorId");

-- CreateIndex
CREATE INDEX "Interaction_date_idx" ON "Interaction"("date");

-- CreateIndex
CREATE INDEX "Interaction_allianceId_idx" ON "Interaction"("allianceId");

-- CreateIndex
CREATE INDEX "InteractionParticipant_actorId_idx" ON "InteractionParticipant"("actorId");

-- CreateIndex
CREATE INDEX "NeedAssessment_territoryId_date_idx" ON "NeedAssessment"("territoryId", "date");

-- CreateIndex
CREATE INDEX "PracticeAssessment_actorId_date_idx" ON "PracticeAssessment"("actorId", "date");

-- CreateIndex
CREATE INDEX "Evaluation_ecosystemId_date_idx" ON "Evaluation"("ecosystemId", "date");

-- CreateIndex
CREATE INDEX "Funding_ecosystemId_idx" ON "Funding"("ecosystemId");

-- CreateIndex
CREATE INDEX "Funding_recipientActorId_idx" ON "Funding"("recipientActorId");

-- CreateIndex
CREATE INDEX "_ProjectMembers_B_index" ON "_ProjectMembers"("B");

-- AddForeignKey
ALTER TABLE "Territory" ADD CONSTRAINT "Territory_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Territory" ADD CONSTRAINT "Territory_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ecosystem" ADD CONSTRAINT "Ecosystem_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ecosystem" ADD CONSTRAINT "Ecosystem_pivotActorId_fkey" FOREIGN KEY ("pivotActorId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorTerritory" ADD CONSTRAINT "ActorTerritory_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorTerritory" ADD CONSTRAINT "ActorTerritory_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alliance" ADD CONSTRAINT "Alliance_declaredById_fkey" FOREIGN KEY ("declaredById") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllianceMember" ADD CONSTRAINT "AllianceMember_allianceId_fkey" FOREIGN KEY ("allianceId") REFERENCES "Alliance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllianceMember" ADD CONSTRAINT "AllianceMember_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interaction" ADD CONSTRAINT "Interaction_allianceId_fkey" FOREIGN KEY ("allianceId") REFERENCES "Alliance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InteractionParticipant" ADD CONSTRAINT "InteractionParticipant_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "Interaction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InteractionParticipant" ADD CONSTRAINT "InteractionParticipant_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedAssessment" ADD CONSTRAINT "NeedAssessment_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAssessment" ADD CONSTRAINT "PracticeAssessment_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeScore" ADD CONSTRAINT "PracticeScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "PracticeAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_ecosystemId_fkey" FOREIGN KEY ("ecosystemId") REFERENCES "Ecosystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationLeverUse" ADD CONSTRAINT "EvaluationLeverUse_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Funding" ADD CONSTRAINT "Funding_ecosystemId_fkey" FOREIGN KEY ("ecosystemId") REFERENCES "Ecosystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Funding" ADD CONSTRAINT "Funding_recipientActorId_fkey" FOREIGN KEY ("recipientActorId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ProjectMembers" ADD CONSTRAINT "_ProjectMembers_A_fkey" FOREIGN KEY ("A") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ProjectMembers" ADD CONSTRAINT "_ProjectMembers_B_fkey" FOREIGN KEY ("B") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;
