using NpgsqlTypes;

namespace Platform.Web.Commands.Scale;

/// <summary>Short names for the COPY column types and row tuples, so the seeding tables read as a list of columns.</summary>
public static class ScaleColumns
{
    public const NpgsqlDbType PgUuid = NpgsqlDbType.Uuid, PgText = NpgsqlDbType.Text, PgInt = NpgsqlDbType.Integer, PgLong = NpgsqlDbType.Bigint,
        PgBool = NpgsqlDbType.Boolean, PgTime = NpgsqlDbType.TimestampTz, PgJson = NpgsqlDbType.Jsonb, PgTextArray = NpgsqlDbType.Array | NpgsqlDbType.Text;

    public static ScaleCopy.Column[] Cols(params (string Name, NpgsqlDbType Type)[] columns) =>
        [.. columns.Select(c => new ScaleCopy.Column(c.Name, c.Type))];

    public static object?[] Row(params object?[] values) => values;
}
