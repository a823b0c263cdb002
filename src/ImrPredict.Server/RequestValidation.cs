using System.Globalization;
using Google.Rpc;
using ImrPredict.Application;

namespace ImrPredict.Server;

/// <summary>Collects a request's field violations so the caller hears of all of them at once; throws INVALID_ARGUMENT when any.</summary>
internal sealed class RequestValidation
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public void Require(bool condition, string field, string description)
    {
        if (!condition)
        {
            _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        }
    }

    /// <summary>Adds the violations the application found.</summary>
    public void Add(IEnumerable<FieldViolation> violations)
    {
        foreach (var violation in violations)
        {
            Require(false, violation.Field, violation.Description);
        }
    }

    /// <summary>Parses an optional yyyy-MM-dd date; records a violation for anything else.</summary>
    public DateOnly? Date(string value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Require(false, field, $"'{Shorten(value)}' is not a date in yyyy-MM-dd form");
        return null;
    }

    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0)
        {
            throw ErrorStatus.Invalid(_violations);
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "...";
}
