namespace ImrPredict.Core.Letters;

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

    /// <summary>Laboratory and bedside tests: blood work (CBC, BMP, PT/PTT), urine drug tests, EKGs (added after
    /// <see cref="Other"/> so the numeric values of the others stay as they were).</summary>
    Lab,
}
