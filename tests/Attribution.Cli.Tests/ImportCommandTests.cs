namespace Attribution.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ImportSalesforce_ShippedExport_WritesThreeFilesAndReports()
    {
        var events = temp.File("events.csv");

        var run = CliRun.Of("import", "salesforce", "--dir", SampleDirectory(), "--output", events);

        // Hand-counted from samples/salesforce/make-export.cs: 30 members, 21 responded (13 online, 8 offline), 6 leads,
        // 5 opportunities, 2 won; 15 journeys (10 contacts, 2 unconverted leads, 3 accounts); 9 contacts with an account;
        // 9 contact roles; opportunity 3 has no Amount.
        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Be(
            $"Wrote 34 events for 15 journeys to {events}: 21 touches (13 online, 8 offline) and 6 lead, 5 opportunity, 2 order.\n"
            + "9 campaign members have not responded and are not touches.\n"
            + $"Wrote 9 people with their account to {temp.File("people.csv")} and 9 contact roles to {temp.File("roles.csv")}.\n");
        run.Stderr.Should().Be("attribution: warning: 1 opportunity without an Amount, valued 0: 0065g0000000003AAA\n");
        File.ReadAllLines(events).Should().HaveCount(35).And.StartWith("journey_id,timestamp,channel,campaign,conversion,value,conversion_id,touch_type,status");
        File.ReadAllLines(temp.File("people.csv")).Should().HaveCount(10).And.StartWith("person_id,account_id");
        File.ReadAllLines(temp.File("roles.csv")).Should().HaveCount(10).And.StartWith("conversion_id,person_id,role,primary");
    }

    [Fact]
    public void ImportSalesforce_ThenAttribute_ReadsTheEventLog()
    {
        var events = temp.File("events.csv");
        CliRun.Of("import", "salesforce", "--dir", SampleDirectory(), "--output", events).ExitCode.Should().Be(0);

        var run = CliRun.Of("attribute", "--input", events, "--model", "linear", "--format", "csv").ShouldSucceed();

        // Without the accounts roll-up, opportunities and orders (on accounts) have no touches. Of the 6 leads, only two
        // follow a touch of their journey: contact 8's paid search (Feb 1, 00:00) before lead 3 (Feb 1, 17:54) and contact 9's
        // partners touch (Mar 9, 08:09) before lead 6 (Mar 9, 11:57). So 2 conversions worth 1 each are credited and 11 are
        // unattributed, worth 6 + 2 × 48000 + 22000 + 0 + 2 × 12500 + 30000 − 2 = 173004 — per kind (never added together):
        // 4 leads worth 4; 5 opportunities worth 48000 + 22000 + 0 + 12500 + 30000 = 112500; 2 orders worth 48000 + 12500 = 60500.
        run.Stdout.Should().Contain("linear,lead,Advertisement,1,1\n").And.Contain("linear,lead,Partners,1,1\n")
            .And.Contain("linear,lead,(unattributed),4,4\n")
            .And.Contain("linear,opportunity,(unattributed),5,112500\n")
            .And.Contain("linear,order,(unattributed),2,60500\n");
    }

    [Fact]
    public void ImportSalesforce_OfflineTypesAndOutputPaths_AreOptions()
    {
        var events = temp.File("events.csv");

        var run = CliRun.Of("import", "salesforce", "--dir", SampleDirectory(), "--output", events,
            "--accounts-output", temp.File("a.csv"), "--roles-output", temp.File("r.csv"), "--offline-types", "Webinar,Email");

        // Offline now: Webinar 4 + Email 3 = 7; online the other 14.
        run.Stdout.Should().Contain("21 touches (14 online, 7 offline)");
        File.Exists(temp.File("a.csv")).Should().BeTrue();
        File.Exists(temp.File("r.csv")).Should().BeTrue();
        File.Exists(temp.File("people.csv")).Should().BeFalse();
    }

    [Fact]
    public void ImportSalesforce_MissingDirectory_IsADataError()
    {
        CliRun.Of("import", "salesforce", "--dir", temp.File("nope"), "--output", temp.File("e.csv"))
            .ShouldFail(1, "--dir: directory '", "nope' does not exist.");
        File.Exists(temp.File("e.csv")).Should().BeFalse();
    }

    [Fact]
    public void ImportSalesforce_MissingObjectFile_NamesTheObjectAndWritesNothing()
    {
        var export = Directory.CreateDirectory(temp.File("export")).FullName;
        foreach (var file in Directory.GetFiles(SampleDirectory(), "*.csv"))
        {
            File.Copy(file, Path.Combine(export, Path.GetFileName(file)));
        }

        File.Delete(Path.Combine(export, "Opportunity.csv"));

        CliRun.Of("import", "salesforce", "--dir", export, "--output", temp.File("e.csv"))
            .ShouldFail(1, "no file for the object Opportunity: expected Opportunity.csv");
        File.Exists(temp.File("e.csv")).Should().BeFalse();
        File.Exists(temp.File("people.csv")).Should().BeFalse();
    }

    [Fact]
    public void ImportSalesforce_MissingField_NamesFileLineAndField()
    {
        var export = Directory.CreateDirectory(temp.File("export")).FullName;
        foreach (var file in Directory.GetFiles(SampleDirectory(), "*.csv"))
        {
            File.Copy(file, Path.Combine(export, Path.GetFileName(file)));
        }

        var path = Path.Combine(export, "Opportunity.csv");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"Amount\"", "\"Total\"", StringComparison.Ordinal));

        CliRun.Of("import", "salesforce", "--dir", export, "--output", temp.File("e.csv"))
            .ShouldFail(1, $"{path}:1: column 'Amount': the header has no 'Amount' column; the Salesforce object Opportunity needs the fields");
    }

    [Fact]
    public void ImportSalesforce_TwoOutputsOnOneFile_IsAUsageError()
    {
        CliRun.Of("import", "salesforce", "--dir", SampleDirectory(), "--output", temp.File("people.csv"))
            .ShouldFail(2, "--accounts-output: '", "people.csv' is also the file of --output");
    }

    internal static string SampleDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "salesforce");
            if (File.Exists(Path.Combine(dir.FullName, "Attribution.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/salesforce not found above " + AppContext.BaseDirectory);
    }
}
