using System.ComponentModel.DataAnnotations;

namespace ImrPredict.Application.Audit;

/// <summary>The audit trail's settings (section <c>ImrPredict:Audit</c>), validated at start.</summary>
public sealed class AuditOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ImrPredict:Audit";

    /// <summary>
    /// How long records are kept; the retention job deletes older ones. Default six years, the period HIPAA asks
    /// documentation of security activity to be kept (§164.316(b)(2)).
    /// </summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 2190;

    /// <summary>How often the retention job runs.</summary>
    [Range(1, 1440)]
    public double RetentionCheckMinutes { get; set; } = 60;

    /// <summary>
    /// Whether calls are audited. Only for measuring what auditing costs (the benchmark); a replica started with it off
    /// says so in its log at every start.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
