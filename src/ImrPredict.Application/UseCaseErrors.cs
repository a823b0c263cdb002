using ImrPredict.Application.Models;
using ImrPredict.Core.Results;
using ImrPredict.Search;

namespace ImrPredict.Application;

/// <summary>The errors use cases share, worded once.</summary>
internal static class UseCaseErrors
{
    public static Error<ApplicationErrorCode> Invalid(FieldViolation violation) => Invalid([violation]);

    /// <summary>INVALID_ARGUMENT naming every field at fault (at least one); the message and field are the first's.</summary>
    public static Error<ApplicationErrorCode> Invalid(IReadOnlyList<FieldViolation> violations) =>
        new(ApplicationErrorCode.InvalidArgument, violations[0].Description, violations[0].Field) { Violations = violations };

    public static Error<ApplicationErrorCode> NoModel(IServingModels models) =>
        new(ApplicationErrorCode.NoModel, models.LastError is { } reason
            ? $"no model is loaded: {reason}"
            : "no model is loaded yet (the default bundle may still be building)");

    /// <summary>A store error in application terms: the store is down, or it refused a write.</summary>
    public static Error<ApplicationErrorCode> FromStore(Error<Store.StoreErrorCode> error) => error.Code switch
    {
        Store.StoreErrorCode.InvalidArgument => new(ApplicationErrorCode.InvalidArgument, error.Message, error.Field),
        Store.StoreErrorCode.WriteFailed => new(ApplicationErrorCode.StoreWriteFailed, error.Message),
        _ => new(ApplicationErrorCode.StoreUnavailable, error.Message),
    };

    /// <summary>A search engine error in application terms; <paramref name="context"/> names the request part it came from.</summary>
    public static Error<ApplicationErrorCode> FromSearch(Error<SearchErrorCode> error, string? context = null) => error.Code switch
    {
        SearchErrorCode.InvalidArgument => new(ApplicationErrorCode.InvalidArgument,
            context is null ? error.Message : $"{context}: {error.Message}", error.Field is null ? null : SnakeCase(error.Field)),
        SearchErrorCode.NotFound => new(ApplicationErrorCode.NotFound, error.Message, error.Field),
        _ => new(ApplicationErrorCode.IndexUnavailable, error.ToString()),
    };

    /// <summary>The API's name of an engine's field: <c>clinicalSummary</c> is <c>clinical_summary</c>.</summary>
    private static string SnakeCase(string field) =>
        string.Concat(field.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
