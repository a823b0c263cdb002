using ImrPredict.TestSupport;

namespace ImrPredict.ML.Tests;

public sealed class DmhcTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Csv_with_quotes_commas_and_both_age_spellings_is_read()
    {
        File.WriteAllText(_file, """"
            Reference ID,Report Year,Diagnosis Category,Diagnosis Sub Category,Treatment Category,Treatment Sub Category,Determination,Type,Age Range,Patient Gender
            MN16-1,2016,"Cancer, Other","Breast ""triple negative""",Pharmacy,Chemo,Overturned Decision of Health Plan,Medical Necessity,41-50,Female
            MN12-2,2012,Mental,Depression,Mental Health,TMS,Upheld Decision of Health Plan,Experimental/Investigational,11_20,Male
            MN12-3,2012,Mental,Depression,Mental Health,TMS,Pending,Medical Necessity,,
            """".Replace("\n", "\r\n", StringComparison.Ordinal));

        var read = DmhcCsv.Read(_file);
        var recent = DmhcCsv.Read(_file, YearRange.Parse("2014..")).Value;

        Assert.Null(read.Error);
        var all = read.Value;
        Assert.Equal(2, all.Rows.Count);
        Assert.Equal(1, all.SkippedRows);
        Assert.Equal("Cancer, Other", all.Rows[0].DiagnosisCategory);
        Assert.Equal("Breast \"triple negative\"", all.Rows[0].DiagnosisSubCategory);
        Assert.True(all.Rows[0].Label);
        Assert.False(all.Rows[1].Label);
        Assert.Equal("11-20", all.Rows[1].AgeRange);
        Assert.False(all.HasFindings);
        Assert.Equal(["MN16-1"], recent.Rows.Select(r => r.ReferenceId));
    }

    [Fact]
    public void A_file_without_dmhc_columns_is_a_clear_error()
    {
        File.WriteAllText(_file, "a,b\n1,2\n");

        var read = DmhcCsv.Read(_file);
        var missing = DmhcCsv.Read(_file + ".missing");

        Assert.Equal(DmhcErrorCode.MissingColumns, read.Error?.Code);
        Assert.Contains("determination", read.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(DmhcErrorCode.Missing, missing.Error?.Code);
        Assert.Contains("no DMHC export", missing.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Current_export_sample_with_findings_is_read()
    {
        var root = SharedDataLocation.Find();
        var sample = Path.Combine(root ?? "../shared", "data", "dmhc", "findings_sample.jsonl");
        if (root is null || !File.Exists(sample))
        {
            Assert.Skip($"'{sample}' is absent: the DMHC findings sample lives in ../shared");
        }

        var result = DmhcCsv.Read(sample);

        Assert.Null(result.Error);
        var read = result.Value;
        Assert.Equal(20, read.Rows.Count);
        Assert.True(read.HasFindings);
        Assert.All(read.Rows, r => Assert.Matches(@"^(\d+-\d+|65\+)$", r.AgeRange));
    }

    [Theory]
    [InlineData("2001-2013", 2001, 2013)]
    [InlineData("..2013", 0, 2013)]
    [InlineData("2014..", 2014, 9999)]
    public void Year_ranges_parse(string text, int from, int to) => Assert.Equal(new YearRange(from, to), YearRange.Parse(text));

    [Theory]
    [InlineData("2016-2014")]
    [InlineData("soon")]
    [InlineData("")]
    public void Bad_year_ranges_are_refused(string text) => Assert.Null(YearRange.Parse(text));
}
