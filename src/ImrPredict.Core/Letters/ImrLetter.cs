namespace ImrPredict.Core.Letters;

/// <summary>The form a letter was read from.</summary>
public enum LetterFormat
{
    /// <summary>Markdown or HTML export (<c>&lt;b&gt;Case Number:&lt;/b&gt;</c>, <c>**Item:** Upheld</c>).</summary>
    Markdown,

    /// <summary>Hard-wrapped plain text as PDF text extraction gives it.</summary>
    PdfText,

    /// <summary>A PDF file read through its text layer.</summary>
    Pdf,
}

/// <summary>The outcome of one disputed item.</summary>
public enum Decision
{
    /// <summary>The utilization-review denial stands: the item is not medically necessary.</summary>
    Upheld,

    /// <summary>The denial is reversed: the item is medically necessary.</summary>
    Overturned,
}

/// <summary>
/// A coarse kind of requested treatment, derived from the requested item's wording.
/// Used as a model feature and as a search filter.
/// </summary>
public enum ItemCategory
{
    /// <summary>Opioid analgesics (Norco, Percocet, tramadol, ...).</summary>
    Opioid,

    /// <summary>Muscle relaxants and antispasmodics (baclofen, cyclobenzaprine, ...).</summary>
    MuscleRelaxant,

    /// <summary>Oral non-steroidal anti-inflammatory drugs.</summary>
    Nsaid,

    /// <summary>Topical analgesics and compounded creams, gels and patches.</summary>
    TopicalCompound,

    /// <summary>Any other medication.</summary>
    OtherDrug,

    /// <summary>Physical therapy, chiropractic care, acupuncture and similar sessions.</summary>
    PhysicalTherapy,

    /// <summary>MRI, CT, X-ray and other imaging.</summary>
    Imaging,

    /// <summary>EMG and nerve conduction studies.</summary>
    Electrodiagnostics,

    /// <summary>Injections, blocks and ablations.</summary>
    Injection,

    /// <summary>Operative procedures.</summary>
    Surgery,

    /// <summary>Durable medical equipment: braces, units, chairs and the like.</summary>
    Dme,

    /// <summary>Consultations, referrals, evaluations and office visits.</summary>
    ConsultVisit,

    /// <summary>Anything that fits no other category.</summary>
    Other,
}

/// <summary>Where a cited guideline comes from.</summary>
public enum GuidelineSource
{
    /// <summary>California Medical Treatment Utilization Schedule.</summary>
    Mtus,

    /// <summary>ACOEM Practice Guidelines.</summary>
    Acoem,

    /// <summary>Official Disability Guidelines.</summary>
    Odg,

    /// <summary>Any other cited source.</summary>
    Other,
}

/// <summary>One "Decision based on ..." citation from a guideline line.</summary>
/// <param name="Source">The guideline family.</param>
/// <param name="Topic">The chapter, section or topic as written, when given.</param>
/// <param name="Pages">The cited pages as written (for example <c>63-64</c> or <c>78, 91</c>), when given.</param>
public sealed record GuidelineCitation(GuidelineSource Source, string? Topic, string? Pages);

/// <summary>
/// The parts of a partial authorization: the original request, the part the claims administrator
/// authorized and the remainder that went to IMR.
/// </summary>
/// <param name="OriginalRequest">The request as first made.</param>
/// <param name="AuthorizedPortion">What the claims administrator authorized, when stated.</param>
/// <param name="DisputedRemainder">The IMR-eligible remainder that was decided.</param>
public sealed record PartialAuthorization(string OriginalRequest, string? AuthorizedPortion, string DisputedRemainder);

/// <summary>Facts derived from a requested item's wording, for models and filters.</summary>
/// <param name="Category">The coarse kind of treatment.</param>
/// <param name="Quantity">The dispensed count (<c>#90</c>), when written.</param>
/// <param name="Strength">The strength as written (<c>10/325mg</c>), when written.</param>
/// <param name="Sessions">The number of therapy sessions or visits, when it can be worked out.</param>
public sealed record ItemAttributes(ItemCategory Category, int? Quantity, string? Strength, int? Sessions);

/// <summary>One disputed item of a letter and the reviewer's decision on it.</summary>
/// <param name="Index">Position of the item in the letter, from 0.</param>
/// <param name="RequestedItem">The item that was decided, as written (for a partial authorization, the disputed remainder).</param>
/// <param name="Decision">Upheld or Overturned.</param>
/// <param name="Partial">The partial authorization, when the letter describes one.</param>
/// <param name="ClaimsAdministratorGuideline">The claims administrator's guideline line, when present.</param>
/// <param name="MaximusGuideline">The expert reviewer's guideline line, when present.</param>
/// <param name="GuidelineCitations">Citations parsed from both guideline lines, claims administrator's first.</param>
/// <param name="Rationale">The decision rationale, whole, across page breaks.</param>
/// <param name="Attributes">Facts derived from the requested item.</param>
public sealed record DisputedItem(
    int Index,
    string RequestedItem,
    Decision Decision,
    PartialAuthorization? Partial,
    string? ClaimsAdministratorGuideline,
    string? MaximusGuideline,
    IReadOnlyList<GuidelineCitation> GuidelineCitations,
    string Rationale,
    ItemAttributes Attributes);

/// <summary>The reviewer's credentials as the letter states them.</summary>
/// <param name="Licensure">States of licensure, in letter order.</param>
/// <param name="Specialties">Board certifications and specialties, in letter order.</param>
public sealed record ReviewerCredentials(IReadOnlyList<string> Licensure, IReadOnlyList<string> Specialties)
{
    /// <summary>No credentials stated.</summary>
    public static ReviewerCredentials None { get; } = new([], []);
}

/// <summary>The header block of a letter; each field is absent when the letter lacks it.</summary>
public sealed record LetterHeader(
    string? CaseNumber,
    DateOnly? DateAssigned,
    DateOnly? DateOfInjury,
    DateOnly? DecisionDate,
    DateOnly? UrDenialDate,
    string? Priority,
    DateOnly? ApplicationReceived)
{
    /// <summary>A header with no fields, as in letters whose text carries no header block.</summary>
    public static LetterHeader Empty { get; } = new(null, null, null, null, null, null, null);
}

/// <summary>One IMR final determination letter, parsed.</summary>
/// <param name="LetterId">A stable id: the case number, else a hash of the letter's content.</param>
/// <param name="Format">The form the letter was read from.</param>
/// <param name="Header">The header block.</param>
/// <param name="Reviewer">The expert reviewer's credentials.</param>
/// <param name="ClinicalSummary">The clinical case summary without its boilerplate introduction.</param>
/// <param name="Items">The disputed items in letter order.</param>
public sealed record ImrLetter(
    string LetterId,
    LetterFormat Format,
    LetterHeader Header,
    ReviewerCredentials Reviewer,
    string ClinicalSummary,
    IReadOnlyList<DisputedItem> Items)
{
    /// <summary>Days from the date of injury to the UR denial, when both dates are known.</summary>
    public int? DaysFromInjuryToUrDenial =>
        Header is { DateOfInjury: { } injury, UrDenialDate: { } denial }
            ? denial.DayNumber - injury.DayNumber
            : null;
}
