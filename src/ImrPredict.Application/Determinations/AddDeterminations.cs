using ImrPredict.Application.Models;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Parsing;
using ImrPredict.Core.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImrPredict.Application.Determinations;

/// <summary>Keeps decided letters as precedents: each readable letter is added (re-adding one replaces it), each unreadable one is reported.</summary>
public sealed partial class AddDeterminations(IServingModels models, IOptions<ServiceLimits> limits, ILogger<AddDeterminations> logger)
{
    /// <summary>Adds the readable letters; they are committed before this returns, so an acknowledged letter survives a crash.</summary>
    public Result<AddedDeterminations, ApplicationErrorCode> Run(IReadOnlyList<LetterSubmission> submissions)
    {
        var limit = limits.Value.MaxLettersPerAdd;
        if (submissions.Count == 0 || submissions.Count > limit)
        {
            return UseCaseErrors.Invalid(new FieldViolation("letters", submissions.Count == 0 ? "give at least one letter" : $"at most {limit} letters per call"));
        }

        if (models.Current is not { } model)
        {
            return UseCaseErrors.NoModel(models);
        }

        if (model.Precedents is not { } index)
        {
            return UseCaseErrors.NoPrecedentIndex();
        }

        var letters = new List<ImrLetter>();
        var rejections = new List<LetterRejection>();
        for (var i = 0; i < submissions.Count; i++)
        {
            var parsed = submissions[i].Content is { } content
                ? LetterReader.ReadBytes(content)
                : Result<ImrLetter, ParseErrorCode>.Fail(ParseErrorCode.Empty, "the letter has neither text nor PDF bytes");
            if (parsed.TryGetValue(out var letter))
            {
                letters.Add(letter);
            }
            else
            {
                rejections.Add(new LetterRejection(i, submissions[i].Source, parsed.Error.Code.ToString(), parsed.Error.Message));
            }
        }

        var items = letters.Count == 0 ? 0 : index.AddLetters(letters);
        LogAdded(logger, letters.Count, rejections.Count);
        return new AddedDeterminations(letters.Count, items, index.Count, rejections);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Letters} letters to the precedent index; {Errors} refused")]
    private static partial void LogAdded(ILogger logger, int letters, int errors);
}
