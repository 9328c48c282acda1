using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrderPaidAndRefundedIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_PaidAt",
                table: "Orders",
                columns: new[] { "TenantId", "PaidAt" },
                filter: "\"PaidAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_RefundedAt",
                table: "Orders",
                columns: new[] { "TenantId", "RefundedAt" },
                filter: "\"RefundedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_TenantId_PaidAt",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_TenantId_RefundedAt",
                table: "Orders");
        }
    }
}
