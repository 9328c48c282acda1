using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Data;

#nullable disable

namespace Platform.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DuplicateCharges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DuplicateCharges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    BotId = table.Column<Guid>(type: "uuid", nullable: false),
                    TelegramPaymentChargeId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BuyerTelegramUserId = table.Column<long>(type: "bigint", nullable: false),
                    AmountStars = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RefundedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateCharges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuplicateCharges_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DuplicateCharges_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DuplicateCharges_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCharges_BotId",
                table: "DuplicateCharges",
                column: "BotId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCharges_OrderId",
                table: "DuplicateCharges",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCharges_TenantId",
                table: "DuplicateCharges",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCharges_TenantId_OrderId",
                table: "DuplicateCharges",
                columns: new[] { "TenantId", "OrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCharges_TenantId_TelegramPaymentChargeId",
                table: "DuplicateCharges",
                columns: new[] { "TenantId", "TelegramPaymentChargeId" },
                unique: true);

            migrationBuilder.EnableTenantRowLevelSecurity("DuplicateCharges");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("DuplicateCharges");
            migrationBuilder.DropTable(
                name: "DuplicateCharges");
        }
    }
}
