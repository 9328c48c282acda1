using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlatformAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DeliveriesFrozen",
                table: "Tenants",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuspendedAt",
                table: "Tenants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "Tenants",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TraceParent",
                table: "InboxUpdates",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdminAuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AdminUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdminEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminAuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DailyStoreFigures",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Sales = table.Column<int>(type: "integer", nullable: false),
                    GrossStars = table.Column<long>(type: "bigint", nullable: false),
                    Refunds = table.Column<int>(type: "integer", nullable: false),
                    RefundedStars = table.Column<long>(type: "bigint", nullable: false),
                    LastSaleAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyStoreFigures", x => new { x.TenantId, x.Day });
                    table.ForeignKey(
                        name: "FK_DailyStoreFigures_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tenants_CreatedAt",
                table: "Tenants",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tenants_Status_CreatedAt",
                table: "Tenants",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StarLedger_At",
                table: "StarLedger",
                column: "At")
                .Annotation("Npgsql:IndexInclude", new[] { "TenantId", "Kind", "Stars" });

            migrationBuilder.CreateIndex(
                name: "IX_AdminAuditEntries_At",
                table: "AdminAuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AdminAuditEntries_TenantId_At",
                table: "AdminAuditEntries",
                columns: new[] { "TenantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyStoreFigures_Day",
                table: "DailyStoreFigures",
                column: "Day")
                .Annotation("Npgsql:IndexInclude", new[] { "TenantId", "Sales", "GrossStars", "Refunds", "RefundedStars" });

            // The daily figures of every day so far, from the ledger (read across stores for this once; the rollup job
            // keeps today and yesterday fresh from now on).
            migrationBuilder.Sql("""
                SELECT set_config('app.cross_tenant', 'on', true);
                INSERT INTO "DailyStoreFigures" ("TenantId", "Day", "Sales", "GrossStars", "Refunds", "RefundedStars", "LastSaleAt", "ComputedAt")
                SELECT "TenantId", ("At" AT TIME ZONE 'UTC')::date,
                       count(*) FILTER (WHERE "Kind" IN ('Payment', 'Renewal'))::int,
                       coalesce(sum("Stars") FILTER (WHERE "Kind" IN ('Payment', 'Renewal')), 0),
                       count(*) FILTER (WHERE "Kind" = 'Refund')::int,
                       coalesce(-sum("Stars") FILTER (WHERE "Kind" = 'Refund'), 0),
                       max("At") FILTER (WHERE "Kind" IN ('Payment', 'Renewal')),
                       now()
                FROM "StarLedger"
                WHERE "Kind" IN ('Payment', 'Renewal', 'Refund')
                GROUP BY 1, 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminAuditEntries");

            migrationBuilder.DropTable(
                name: "DailyStoreFigures");

            migrationBuilder.DropIndex(
                name: "IX_Tenants_CreatedAt",
                table: "Tenants");

            migrationBuilder.DropIndex(
                name: "IX_Tenants_Status_CreatedAt",
                table: "Tenants");

            migrationBuilder.DropIndex(
                name: "IX_StarLedger_At",
                table: "StarLedger");

            migrationBuilder.DropColumn(
                name: "DeliveriesFrozen",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "TraceParent",
                table: "InboxUpdates");
        }
    }
}
