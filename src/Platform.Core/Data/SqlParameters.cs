using Npgsql;

namespace Platform.Core.Data;

/// <summary>
/// The one way raw SQL in Core passes values (statements written for Npgsql directly: batches, set-based updates, the
/// key pool): positional <c>$1, $2 …</c> in order, each an untyped <see cref="NpgsqlParameter"/> whose type Npgsql infers
/// from the value. Null becomes <see cref="DBNull"/>; a <see cref="DateTimeOffset"/> goes in as UTC (timestamptz
/// takes only offset 0). Statuses are values too — <c>nameof(OrderStatus.Paid)</c> for the enums stored as text — and
/// never spelled inside the SQL. (Queries through EF Core keep its interpolated <c>FormattableString</c>s, whose
/// holes EF turns into parameters the same way.)
/// </summary>
public static class SqlParameters
{
    /// <summary>
    /// Appends one positional parameter per value. Pass arrays (uuid[], text[] …) among other values, or cast a lone
    /// array to object: a lone <c>string[]</c> would otherwise spread into several parameters.
    /// </summary>
    public static NpgsqlParameterCollection AddPositional(this NpgsqlParameterCollection parameters, params object?[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter
            {
                Value = value switch
                {
                    null => DBNull.Value,
                    DateTimeOffset moment => moment.ToUniversalTime(),
                    _ => value,
                },
            });
        }

        return parameters;
    }
}
