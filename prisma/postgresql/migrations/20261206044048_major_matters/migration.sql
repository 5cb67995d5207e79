-- CreateTable
CREATE TABLE "MajorMatter" (
    "id" SERIAL NOT NULL,
    "reserveCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "reportedOn" DATE NOT NULL,
    "summary" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finding" TEXT,
    "reviewedOn" DATE,
    "reviewedBy" TEXT,

    CONSTRAINT "MajorMatter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MajorMatter_reserveCode_idx" ON "MajorMatter"("reserveCode");

-- AddForeignKey
ALTER TABLE "MajorMatter" ADD CONSTRAINT "MajorMatter_reserveCode_fkey" FOREIGN KEY ("reserveCode") REFERENCES "ReserveEntry"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
