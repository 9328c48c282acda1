using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Data;

#nullable disable

namespace Platform.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class StarLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerCheckpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    BotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cutoff = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Balance = table.Column<long>(type: "bigint", nullable: false),
                    Credits = table.Column<long>(type: "bigint", nullable: false),
                    Debits = table.Column<long>(type: "bigint", nullable: false),
                    Earned = table.Column<long>(type: "bigint", nullable: false),
                    Refunded = table.Column<long>(type: "bigint", nullable: false),
                    Withdrawn = table.Column<long>(type: "bigint", nullable: false),
                    Rows = table.Column<long>(type: "bigint", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerCheckpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerCheckpoints_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LedgerMismatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    BotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Reference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OurNanostars = table.Column<long>(type: "bigint", nullable: true),
                    TelegramNanostars = table.Column<long>(type: "bigint", nullable: true),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerMismatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerMismatches_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OwnerTelegramLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PendingCodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PendingCodeExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequestedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    BotId = table.Column<Guid>(type: "uuid", nullable: true),
                    TelegramUserId = table.Column<long>(type: "bigint", nullable: true),
                    TelegramName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnerTelegramLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnerTelegramLinks_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "StarLedger",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    BotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Stars = table.Column<long>(type: "bigint", nullable: false),
                    Nanostars = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReleasesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TelegramTransactionId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StarLedger", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StarLedger_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StarReconciliations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    BotId = table.Column<Guid>(type: "uuid", nullable: false),
                    NextOffset = table.Column<int>(type: "integer", nullable: false),
                    PendingFromOffset = table.Column<int>(type: "integer", nullable: true),
                    TelegramBalanceNanostars = table.Column<long>(type: "bigint", nullable: true),
                    LedgerBalanceNanostars = table.Column<long>(type: "bigint", nullable: true),
                    LastPassAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StarReconciliations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StarReconciliations_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TelegramStarTransactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    BotId = table.Column<Guid>(type: "uuid", nullable: false),
                    TransactionId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Incoming = table.Column<bool>(type: "boolean", nullable: false),
                    Offset = table.Column<int>(type: "integer", nullable: false),
                    Nanostars = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Partner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TelegramStarTransactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TelegramStarTransactions_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WithdrawableNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    BotId = table.Column<Guid>(type: "uuid", nullable: false),
                    AboveMinimum = table.Column<bool>(type: "boolean", nullable: false),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NotifiedNanostars = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WithdrawableNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WithdrawableNotices_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerCheckpoints_BotId",
                table: "LedgerCheckpoints",
                column: "BotId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerCheckpoints_TenantId",
                table: "LedgerCheckpoints",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerCheckpoints_TenantId_BotId",
                table: "LedgerCheckpoints",
                columns: new[] { "TenantId", "BotId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerMismatches_BotId",
                table: "LedgerMismatches",
                column: "BotId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerMismatches_Open",
                table: "LedgerMismatches",
                column: "DetectedAt",
                filter: "\"ResolvedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerMismatches_TenantId",
                table: "LedgerMismatches",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerMismatches_TenantId_BotId_Kind_Reference",
                table: "LedgerMismatches",
                columns: new[] { "TenantId", "BotId", "Kind", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnerTelegramLinks_BotId",
                table: "OwnerTelegramLinks",
                column: "BotId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnerTelegramLinks_PendingCodeHash",
                table: "OwnerTelegramLinks",
                column: "PendingCodeHash");

            migrationBuilder.CreateIndex(
                name: "IX_OwnerTelegramLinks_TenantId",
                table: "OwnerTelegramLinks",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StarLedger_BotId",
                table: "StarLedger",
                column: "BotId");

            migrationBuilder.CreateIndex(
                name: "IX_StarLedger_ReleasesAt",
                table: "StarLedger",
                column: "ReleasesAt");

            migrationBuilder.CreateIndex(
                name: "IX_StarLedger_TenantId",
                table: "StarLedger",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_StarLedger_TenantId_At",
                table: "StarLedger",
                columns: new[] { "TenantId", "At" })
                .Annotation("Npgsql:IndexInclude", new[] { "BotId", "Kind", "Stars", "Nanostars" });

            migrationBuilder.CreateIndex(
                name: "IX_StarLedger_TenantId_BotId_Key",
                table: "StarLedger",
                columns: new[] { "TenantId", "BotId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StarLedger_TenantId_RecordedAt",
                table: "StarLedger",
                columns: new[] { "TenantId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StarLedger_TenantId_ReleasesAt",
                table: "StarLedger",
                columns: new[] { "TenantId", "ReleasesAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "BotId", "Stars", "Nanostars", "At", "Kind", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StarLedger_TenantId_TelegramTransactionId",
                table: "StarLedger",
                columns: new[] { "TenantId", "TelegramTransactionId" });

            migrationBuilder.CreateIndex(
                name: "IX_StarReconciliations_BotId",
                table: "StarReconciliations",
                column: "BotId");

            migrationBuilder.CreateIndex(
                name: "IX_StarReconciliations_TenantId",
                table: "StarReconciliations",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_StarReconciliations_TenantId_BotId",
                table: "StarReconciliations",
                columns: new[] { "TenantId", "BotId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TelegramStarTransactions_BotId",
                table: "TelegramStarTransactions",
                column: "BotId");

            migrationBuilder.CreateIndex(
                name: "IX_TelegramStarTransactions_TenantId",
                table: "TelegramStarTransactions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_TelegramStarTransactions_TenantId_BotId_Date",
                table: "TelegramStarTransactions",
                columns: new[] { "TenantId", "BotId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_TelegramStarTransactions_TenantId_BotId_TransactionId_Incom~",
                table: "TelegramStarTransactions",
                columns: new[] { "TenantId", "BotId", "TransactionId", "Incoming" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WithdrawableNotices_BotId",
                table: "WithdrawableNotices",
                column: "BotId");

            migrationBuilder.CreateIndex(
                name: "IX_WithdrawableNotices_TenantId",
                table: "WithdrawableNotices",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_WithdrawableNotices_TenantId_BotId",
                table: "WithdrawableNotices",
                columns: new[] { "TenantId", "BotId" },
                unique: true);

            // The ledger is append-only: the database itself refuses to change or remove a row.
            migrationBuilder.Sql("""
                CREATE FUNCTION star_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'StarLedger rows are never updated or deleted (add an adjustment instead)';
                END $$;
                CREATE TRIGGER star_ledger_append_only BEFORE UPDATE OR DELETE ON "StarLedger"
                    FOR EACH ROW EXECUTE FUNCTION star_ledger_append_only();
                CREATE TRIGGER star_ledger_no_truncate BEFORE TRUNCATE ON "StarLedger"
                    FOR EACH STATEMENT EXECUTE FUNCTION star_ledger_append_only();
                """);

            // Every charge and refund recorded before the ledger existed gets its row, exactly as the payment path now
            // writes it (same keys, so nothing is written twice later). Orders are read across tenants for this once.
            migrationBuilder.Sql("""
                SELECT set_config('app.cross_tenant', 'on', true);
                INSERT INTO "StarLedger" ("Id", "TenantId", "BotId", "Kind", "Stars", "Nanostars", "At", "ReleasesAt", "Key",
                    "TelegramTransactionId", "OrderId", "Note", "RecordedAt")
                SELECT gen_random_uuid(), o."TenantId", o."BotId",
                    CASE WHEN o."SubscriptionId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Orders" f
                        WHERE f."SubscriptionId" = o."SubscriptionId" AND f."PaidAt" < o."PaidAt") THEN 'Renewal' ELSE 'Payment' END,
                    o."PriceStars", 0, o."PaidAt", o."PaidAt" + interval '21 days', 'payment:' || o."TelegramPaymentChargeId",
                    o."TelegramPaymentChargeId", o."Id", NULL, now()
                FROM "Orders" o WHERE o."TelegramPaymentChargeId" IS NOT NULL AND o."PaidAt" IS NOT NULL
                UNION ALL
                SELECT gen_random_uuid(), o."TenantId", o."BotId", 'Refund', -o."PriceStars", 0, COALESCE(o."RefundedAt", o."PaidAt"),
                    COALESCE(o."RefundedAt", o."PaidAt"), 'refund:' || o."TelegramPaymentChargeId", o."TelegramPaymentChargeId", o."Id", NULL, now()
                FROM "Orders" o WHERE o."TelegramPaymentChargeId" IS NOT NULL AND o."PaidAt" IS NOT NULL AND o."Status" = 'Refunded'
                UNION ALL
                SELECT gen_random_uuid(), c."TenantId", c."BotId", 'Payment', c."AmountStars", 0, c."ReceivedAt", c."ReceivedAt" + interval '21 days',
                    'payment:' || c."TelegramPaymentChargeId", c."TelegramPaymentChargeId", c."OrderId", 'duplicate charge', now()
                FROM "DuplicateCharges" c
                UNION ALL
                SELECT gen_random_uuid(), c."TenantId", c."BotId", 'Refund', -c."AmountStars", 0, c."RefundedAt", c."RefundedAt",
                    'refund:' || c."TelegramPaymentChargeId", c."TelegramPaymentChargeId", c."OrderId", 'duplicate charge', now()
                FROM "DuplicateCharges" c WHERE c."RefundedAt" IS NOT NULL
                ON CONFLICT ("TenantId", "BotId", "Key") DO NOTHING;
                SELECT set_config('app.cross_tenant', 'off', true);
                """);

            migrationBuilder.EnableTenantRowLevelSecurity("StarLedger");
            migrationBuilder.EnableTenantRowLevelSecurity("StarReconciliations");
            migrationBuilder.EnableTenantRowLevelSecurity("TelegramStarTransactions");
            migrationBuilder.EnableTenantRowLevelSecurity("LedgerMismatches");
            migrationBuilder.EnableTenantRowLevelSecurity("OwnerTelegramLinks");
            migrationBuilder.EnableTenantRowLevelSecurity("WithdrawableNotices");
            migrationBuilder.EnableTenantRowLevelSecurity("LedgerCheckpoints");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS star_ledger_no_truncate ON "StarLedger";
                DROP TRIGGER IF EXISTS star_ledger_append_only ON "StarLedger";
                DROP FUNCTION IF EXISTS star_ledger_append_only();
                """);

            migrationBuilder.DropTable(
                name: "LedgerCheckpoints");

            migrationBuilder.DropTable(
                name: "LedgerMismatches");

            migrationBuilder.DropTable(
                name: "OwnerTelegramLinks");

            migrationBuilder.DropTable(
                name: "StarLedger");

            migrationBuilder.DropTable(
                name: "StarReconciliations");

            migrationBuilder.DropTable(
                name: "TelegramStarTransactions");

            migrationBuilder.DropTable(
                name: "WithdrawableNotices");
        }
    }
}
