using System.Globalization;
using Google.Rpc;
using ImrPredict.Core.Results;

namespace ImrPredict.Server;

/// <summary>
/// Collects what a request's words could not be mapped to (a date that is not one, an unknown category), each with its
/// field. The rules a mapped request must meet are the use cases'; when the mapping fails, the call ends with both, so a
/// caller hears of every fault at once.
/// </summary>
internal sealed class RequestMapping
{
    private readonly List<BadRequest.Types.FieldViolation> _refused = [];

    /// <summary>Refuses <paramref name="field"/> unless <paramref name="mapped"/>.</summary>
    public void Require(bool mapped, string field, string description)
    {
        if (!mapped)
        {
            _refused.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        }
    }

    /// <summary>Parses an optional yyyy-MM-dd date; refuses anything else.</summary>
    public DateOnly? Date(string value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parsed = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        Require(parsed, field, $"'{Shorten(value)}' is not a date in yyyy-MM-dd form");
        return parsed ? date : null;
    }

    /// <summary>Parses an optional date (yyyy-MM-dd) or ISO 8601 time, as UTC; refuses anything else.</summary>
    public DateTimeOffset? Time(string value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parsed = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time);
        Require(parsed, field, $"'{Shorten(value)}' is not a date (yyyy-MM-dd) or an ISO 8601 time");
        return parsed ? time : null;
    }

    /// <summary>Ends the call with INVALID_ARGUMENT when anything was refused, adding the use case's own violations (<paramref name="rules"/>).</summary>
    public void ThrowIfRefused(Func<IReadOnlyList<FieldViolation>>? rules = null)
    {
        if (_refused.Count == 0)
        {
            return;
        }

        foreach (var violation in rules?.Invoke() ?? [])
        {
            Require(false, violation.Field, violation.Description);
        }

        throw ErrorStatus.Invalid(_refused);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "...";
}
