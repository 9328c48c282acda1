using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Data;

#nullable disable

namespace Platform.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Subscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SubscriptionGraceHours",
                table: "StoreSettings",
                type: "integer",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.AddColumn<int>(
                name: "SubscriptionReminderDays",
                table: "StoreSettings",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<Guid>(
                name: "SubscriptionId",
                table: "Orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ManagedChats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    BotId = table.Column<Guid>(type: "uuid", nullable: false),
                    TelegramChatId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ChatType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BotIsAdmin = table.Column<bool>(type: "boolean", nullable: false),
                    CanInviteUsers = table.Column<bool>(type: "boolean", nullable: false),
                    CanRestrictMembers = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagedChats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagedChats_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TelegramChatId = table.Column<long>(type: "bigint", nullable: true),
                    ChatTitle = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    SharedInviteLink = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanGrants_Products_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanGrants_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubscriptionPlans",
                columns: table => new
                {
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelAccess = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubscriptionPlans", x => x.ProductId);
                    table.ForeignKey(
                        name: "FK_SubscriptionPlans_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    BotId = table.Column<Guid>(type: "uuid", nullable: false),
                    TelegramUserId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PriceStars = table.Column<int>(type: "integer", nullable: false),
                    TelegramChargeId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PeriodEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AccessEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemindAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemindedForPeriodEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CanceledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CanceledBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ExpiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Subscriptions_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Subscriptions_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Subscriptions_Products_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: true),
                    TelegramUserId = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Target = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Actor = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessLog_Subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "Subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChatMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: true),
                    TelegramChatId = table.Column<long>(type: "bigint", nullable: false),
                    TelegramUserId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InviteLink = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InviteLinkExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatMemberships_Subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "Subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_SubscriptionId",
                table: "Orders",
                column: "SubscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_SubscriptionId",
                table: "Orders",
                columns: new[] { "TenantId", "SubscriptionId" },
                filter: "\"SubscriptionId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_SubscriptionId",
                table: "AccessLog",
                column: "SubscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_TenantId",
                table: "AccessLog",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_TenantId_At",
                table: "AccessLog",
                columns: new[] { "TenantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_TenantId_SubscriptionId_At",
                table: "AccessLog",
                columns: new[] { "TenantId", "SubscriptionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatMemberships_SubscriptionId",
                table: "ChatMemberships",
                column: "SubscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatMemberships_TenantId",
                table: "ChatMemberships",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatMemberships_TenantId_InviteLink",
                table: "ChatMemberships",
                columns: new[] { "TenantId", "InviteLink" },
                filter: "\"InviteLink\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChatMemberships_TenantId_SubscriptionId",
                table: "ChatMemberships",
                columns: new[] { "TenantId", "SubscriptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatMemberships_TenantId_TelegramChatId_TelegramUserId",
                table: "ChatMemberships",
                columns: new[] { "TenantId", "TelegramChatId", "TelegramUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManagedChats_BotId",
                table: "ManagedChats",
                column: "BotId");

            migrationBuilder.CreateIndex(
                name: "IX_ManagedChats_TenantId",
                table: "ManagedChats",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ManagedChats_TenantId_BotId_TelegramChatId",
                table: "ManagedChats",
                columns: new[] { "TenantId", "BotId", "TelegramChatId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanGrants_PlanId",
                table: "PlanGrants",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGrants_ProductId",
                table: "PlanGrants",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGrants_TenantId",
                table: "PlanGrants",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGrants_TenantId_PlanId",
                table: "PlanGrants",
                columns: new[] { "TenantId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanGrants_TenantId_ProductId",
                table: "PlanGrants",
                columns: new[] { "TenantId", "ProductId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanGrants_TenantId_TelegramChatId",
                table: "PlanGrants",
                columns: new[] { "TenantId", "TelegramChatId" });

            migrationBuilder.CreateIndex(
                name: "IX_SubscriptionPlans_TenantId",
                table: "SubscriptionPlans",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_BotId",
                table: "Subscriptions",
                column: "BotId");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_CustomerId",
                table: "Subscriptions",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_Due_Expiry",
                table: "Subscriptions",
                column: "AccessEndsAt",
                filter: "\"Status\" <> 'Expired'");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_Due_Reminder",
                table: "Subscriptions",
                column: "RemindAt",
                filter: "\"RemindAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_PlanId",
                table: "Subscriptions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_TenantId",
                table: "Subscriptions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_TenantId_PlanId_CustomerId",
                table: "Subscriptions",
                columns: new[] { "TenantId", "PlanId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_TenantId_Status_PeriodEnd",
                table: "Subscriptions",
                columns: new[] { "TenantId", "Status", "PeriodEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_TenantId_TelegramUserId",
                table: "Subscriptions",
                columns: new[] { "TenantId", "TelegramUserId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Orders_Subscriptions_SubscriptionId",
                table: "Orders",
                column: "SubscriptionId",
                principalTable: "Subscriptions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            migrationBuilder.EnableTenantRowLevelSecurity("AccessLog");
            migrationBuilder.EnableTenantRowLevelSecurity("ChatMemberships");
            migrationBuilder.EnableTenantRowLevelSecurity("ManagedChats");
            migrationBuilder.EnableTenantRowLevelSecurity("PlanGrants");
            migrationBuilder.EnableTenantRowLevelSecurity("SubscriptionPlans");
            migrationBuilder.EnableTenantRowLevelSecurity("Subscriptions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("AccessLog");
            migrationBuilder.DisableTenantRowLevelSecurity("ChatMemberships");
            migrationBuilder.DisableTenantRowLevelSecurity("ManagedChats");
            migrationBuilder.DisableTenantRowLevelSecurity("PlanGrants");
            migrationBuilder.DisableTenantRowLevelSecurity("SubscriptionPlans");
            migrationBuilder.DisableTenantRowLevelSecurity("Subscriptions");

            migrationBuilder.DropForeignKey(
                name: "FK_Orders_Subscriptions_SubscriptionId",
                table: "Orders");

            migrationBuilder.DropTable(
                name: "AccessLog");

            migrationBuilder.DropTable(
                name: "ChatMemberships");

            migrationBuilder.DropTable(
                name: "ManagedChats");

            migrationBuilder.DropTable(
                name: "PlanGrants");

            migrationBuilder.DropTable(
                name: "SubscriptionPlans");

            migrationBuilder.DropTable(
                name: "Subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_Orders_SubscriptionId",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_TenantId_SubscriptionId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "SubscriptionGraceHours",
                table: "StoreSettings");

            migrationBuilder.DropColumn(
                name: "SubscriptionReminderDays",
                table: "StoreSettings");

            migrationBuilder.DropColumn(
                name: "SubscriptionId",
                table: "Orders");
        }
    }
}
