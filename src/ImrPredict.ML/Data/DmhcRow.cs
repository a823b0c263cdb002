namespace ImrPredict.ML.Data;

/// <summary>One DMHC IMR determination as the DMHC model sees it.</summary>
public sealed class DmhcRow
{
    /// <summary>The reference id (one case per row).</summary>
    public string ReferenceId { get; set; } = string.Empty;

    /// <summary>Report year.</summary>
    public float ReportYear { get; set; }

    /// <summary>True for "Overturned Decision of Health Plan".</summary>
    public bool Label { get; set; }

    /// <summary>Diagnosis category.</summary>
    public string DiagnosisCategory { get; set; } = string.Empty;

    /// <summary>Diagnosis sub-category.</summary>
    public string DiagnosisSubCategory { get; set; } = string.Empty;

    /// <summary>Treatment category.</summary>
    public string TreatmentCategory { get; set; } = string.Empty;

    /// <summary>Treatment sub-category.</summary>
    public string TreatmentSubCategory { get; set; } = string.Empty;

    /// <summary>Medical Necessity, Experimental/Investigational or Urgent Care.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>Age range, normalized to "41-50".</summary>
    public string AgeRange { get; set; } = string.Empty;

    /// <summary>Patient gender.</summary>
    public string Gender { get; set; } = string.Empty;

    /// <summary>The Findings text of the current export, empty in the old one. It states the reviewer's
    /// findings, so a model trained on it is for the export's own analysis, not for undecided cases.</summary>
    public string Findings { get; set; } = string.Empty;
}
