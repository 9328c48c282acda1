using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboxRawPayload : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The exact bytes from now on; rows stored so far keep their jsonb text (the same update, normalised).
            migrationBuilder.Sql("""ALTER TABLE "InboxUpdates" ALTER COLUMN "Payload" TYPE bytea USING convert_to("Payload"::text, 'UTF8');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Fails on a row jsonb cannot hold (a NUL or a lone surrogate): such rows must be deleted first.
            migrationBuilder.Sql("""ALTER TABLE "InboxUpdates" ALTER COLUMN "Payload" TYPE jsonb USING convert_from("Payload", 'UTF8')::jsonb;""");
        }
    }
}
