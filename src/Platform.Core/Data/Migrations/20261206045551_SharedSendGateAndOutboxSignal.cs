using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedSendGateAndOutboxSignal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SendRateSlots",
                columns: table => new
                {
                    BotId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChatId = table.Column<long>(type: "bigint", nullable: false),
                    TheoreticalArrival = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendRateSlots", x => new { x.BotId, x.ChatId });
                })
                .Annotation("Npgsql:UnloggedTable", true);

            migrationBuilder.CreateIndex(
                name: "IX_SendRateSlots_TheoreticalArrival",
                table: "SendRateSlots",
                column: "TheoreticalArrival");

            // One NOTIFY per tenant per inserting statement, delivered at commit (OutboxSignals): webhook dispatch wakes
            // on it instead of waiting for its poll. Transition tables need a statement-level AFTER trigger.
            migrationBuilder.Sql("""
                CREATE FUNCTION starfront_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('starfront_outbox', replace(t."TenantId"::text, '-', ''))
                    FROM (SELECT DISTINCT "TenantId" FROM new_events) t;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "OutboxEvents_notify" AFTER INSERT ON "OutboxEvents"
                    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION starfront_outbox_notify();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "OutboxEvents_notify" ON "OutboxEvents";
                DROP FUNCTION starfront_outbox_notify();
                """);

            migrationBuilder.DropTable(
                name: "SendRateSlots");
        }
    }
}
