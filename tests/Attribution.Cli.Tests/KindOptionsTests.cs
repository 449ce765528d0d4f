using System.Globalization;
using System.Text.Json;

namespace Attribution.Cli.Tests;

/// <summary>End to end: conversion kinds and the options that shape them — <c>--conversion</c>, <c>--reset</c>,
/// <c>--lookback</c> per kind, <c>--stages</c> with <c>--funnel</c>, <c>--from</c>/<c>--to</c>, and <c>fit</c> per kind.</summary>
public sealed class KindOptionsTests : IDisposable
{
    // The B2B journey of the issue: webinar → paid-search → lead → events → opportunity → email → order 100,000.
    private const string Funnel =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
        "j,2026-01-05T00:00:00Z,webinar,,,,\n" +
        "j,2026-01-10T00:00:00Z,paid-search,,,,\n" +
        "j,2026-01-12T00:00:00Z,,,lead,,\n" +
        "j,2026-02-01T00:00:00Z,events,,,,\n" +
        "j,2026-02-10T00:00:00Z,,,opportunity,,\n" +
        "j,2026-03-01T00:00:00Z,email,,,,\n" +
        "j,2026-03-10T00:00:00Z,,,order,100000,\n";

    private readonly TempDirectory temp = new();
    private readonly string funnel;

    public KindOptionsTests()
    {
        funnel = temp.Write("funnel.csv", Funnel);
    }

    public void Dispose() => temp.Dispose();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Reset_SameKindIsTheDefault_FirstTouchCreditsTheOrderToTheWebinarThatStartedTheDeal()
    {
        var byDefault = CliRun.Of("attribute", "--input", funnel, "--model", "first-touch", "--conversion", "order").ShouldSucceed();
        var explicitly = CliRun.Of("attribute", "--input", funnel, "--model", "first-touch", "--conversion", "order", "--reset", "same-kind").ShouldSucceed();

        // same-kind: the order's window starts at the journey's start (no earlier order): webinar, paid-search, events,
        // email; its first touch is the webinar, which gets the whole 100,000.
        byDefault.StdoutLines.Should().Equal(
            "model,conversion,channel,conversions,value",
            "first-touch,order,webinar,1,100000",
            "first-touch,order,email,0,0",
            "first-touch,order,events,0,0",
            "first-touch,order,paid-search,0,0");
        explicitly.Stdout.Should().Be(byDefault.Stdout);
    }

    [Fact]
    public void Reset_Any_FirstTouchCreditsTheOrderToTheTouchAfterTheOpportunity()
    {
        var run = CliRun.Of("attribute", "--input", funnel, "--model", "first-touch", "--conversion", "order", "--reset", "any").ShouldSucceed();

        // any: the order's window starts after the opportunity (the previous conversion of any kind): email only.
        run.StdoutLines[1].Should().Be("first-touch,order,email,1,100000");
        run.StdoutLines.Should().Contain("first-touch,order,webinar,0,0");
    }

    [Fact]
    public void Reset_Never_UsesTouchesBeforeAnEarlierOrderOfTheSameKind()
    {
        // Two orders: webinar → order 10 → email → order 20. same-kind: the second order's window starts after the first
        // order → email. never: every touch before it within the lookback → webinar first.
        var path = temp.Write("reorder.csv",
            "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
            "k,2026-01-01T00:00:00Z,webinar,,,,\n" +
            "k,2026-01-05T00:00:00Z,,,order,10,\n" +
            "k,2026-01-20T00:00:00Z,email,,,,\n" +
            "k,2026-02-01T00:00:00Z,,,order,20,\n");

        var sameKind = CliRun.Of("attribute", "--input", path, "--model", "first-touch").ShouldSucceed();
        var never = CliRun.Of("attribute", "--input", path, "--model", "first-touch", "--reset", "never").ShouldSucceed();

        // same-kind: order 1 → webinar 10, order 2 → email 20. never: both orders → webinar, 30.
        sameKind.StdoutLines.Should().Equal("model,conversion,channel,conversions,value", "first-touch,order,email,1,20", "first-touch,order,webinar,1,10");
        never.StdoutLines.Should().Equal("model,conversion,channel,conversions,value", "first-touch,order,webinar,2,30", "first-touch,order,email,0,0");
    }

    [Fact]
    public void Reset_UnknownRule_IsAUsageError()
        => CliRun.Of("attribute", "--input", funnel, "--model", "linear", "--reset", "kind").ShouldFail(2, "--reset: 'kind' is not a reset rule; use same-kind, any or never.");

    [Theory]
    [InlineData("90d,order=30d,lead=1d")]
    [InlineData("order=30d|lead=1d|90d")]
    public void Lookback_PerKind_BothFormsAndRepeated(string values)
    {
        // '|' separates repeated --lookback options.
        var lookbacks = values.Split('|').SelectMany(static v => new[] { "--lookback", v });
        var run = CliRun.Of(["attribute", "--input", funnel, "--model", "first-touch", .. lookbacks]).ShouldSucceed();

        // order (Mar 10) with 30 days: email (Mar 1, 9 days) is in, events (Feb 1, 37 days) is out → email.
        // lead (Jan 12) with 1 day: paid-search (Jan 10, 2 days) is out → the lead is unattributed (1 conversion, value 1).
        // opportunity (Feb 10) with the default 90 days: webinar (Jan 5) is the first of its touches.
        var rows = run.StdoutLines;
        rows.Should().Contain("first-touch,order,email,1,100000");
        rows.Should().Contain("first-touch,lead,(unattributed),1,1");
        rows.Should().Contain("first-touch,opportunity,webinar,1,1");
    }

    [Theory]
    [InlineData("order=", "--lookback: '' is not a duration")]
    [InlineData("=30d", "has no conversion kind before '='")]
    [InlineData("30d,60d", "the default lookback is given twice")]
    [InlineData("order=30d,order=60d", "kind 'order' is given twice")]
    [InlineData("ordr=30d", "--lookback: conversion kind 'ordr' does not occur in")]
    public void Lookback_BadPerKindValue_IsAUsageError(string value, string fragment)
        => CliRun.Of("attribute", "--input", funnel, "--model", "linear", "--lookback", value).ShouldFail(2, fragment);

    [Fact]
    public void Conversion_KeepsOnlyTheNamedKinds_InTheirOrderInTheData()
    {
        var run = CliRun.Of("attribute", "--input", funnel, "--model", "last-touch", "--conversion", "order,lead").ShouldSucceed();

        // last-touch: lead → paid-search (value 1); order → email. The opportunity is left out.
        run.StdoutLines.Should().Equal(
            "model,conversion,channel,conversions,value",
            "last-touch,lead,paid-search,1,1",
            "last-touch,lead,email,0,0",
            "last-touch,lead,events,0,0",
            "last-touch,lead,webinar,0,0",
            "last-touch,order,email,1,100000",
            "last-touch,order,events,0,0",
            "last-touch,order,paid-search,0,0",
            "last-touch,order,webinar,0,0");
    }

    [Fact]
    public void Conversion_UnknownKind_IsAUsageErrorWithDidYouMean()
        => CliRun.Of("attribute", "--input", funnel, "--model", "linear", "--conversion", "orders")
            .ShouldFail(2, "--conversion: conversion kind 'orders' does not occur in", "(did you mean 'order'?)", "its kinds: lead, opportunity, order.");

    [Fact]
    public void Conversion_WithAPathFile_OnlyTheKindConversion()
    {
        var paths = temp.Write("paths.csv", "path,total_conversions,total_conversion_value,total_null\na,1,10,1\n");

        CliRun.Of("attribute", "--paths", paths, "--model", "markov", "--conversion", "conversion").ShouldSucceed();
        CliRun.Of("attribute", "--paths", paths, "--model", "markov", "--conversion", "order").ShouldFail(2, "a path file has no conversion kinds");
    }

    private string PeriodFile() => temp.Write("period.csv",
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
        "p,2026-01-05T00:00:00Z,webinar,,,,\n" +
        "p,2026-01-20T00:00:00Z,,,order,100,\n" +
        "p,2026-02-20T00:00:00Z,display,,,,\n" +
        "p,2026-03-01T00:00:00Z,email,,,,\n" +
        "p,2026-03-10T00:00:00Z,,,order,200,\n");

    [Fact]
    public void Period_ReportsOnlyConversionsInside_EarlierTouchesStayEligible_EarlierConversionsStillReset()
    {
        var run = CliRun.Of("attribute", "--input", PeriodFile(), "--model", "linear", "--from", "2026-03-01", "--to", "2026-04-01", "--format", "csv");

        // Only the order of Mar 10 (200) is in [Mar 1, Apr 1). Its window starts after the order of Jan 20, which is not
        // reported but still resets: display (Feb 20, before the period) and email share it, 100 each; webinar nothing.
        run.ExitCode.Should().Be(0);
        run.StdoutLines.Should().Equal(
            "model,conversion,channel,conversions,value",
            "linear,order,display,0.5,100",
            "linear,order,email,0.5,100",
            "linear,order,webinar,0,0");
        // CSV holds header and rows only; the period goes to standard error.
        run.Stderr.Should().Be("attribution: note: the rows count only conversions from 2026-03-01T00:00:00Z to 2026-04-01T00:00:00Z (exclusive).\n");
    }

    [Fact]
    public void Period_ConsecutivePeriods_AddUpToTheWhole()
    {
        var file = PeriodFile();
        var first = CliRun.Of("attribute", "--input", file, "--model", "linear", "--to", "2026-03-01", "--format", "json");
        var second = CliRun.Of("attribute", "--input", file, "--model", "linear", "--from", "2026-03-01", "--format", "json");

        // Before Mar 1: the Jan 20 order, all webinar (100). From Mar 1: display and email 100 each. Together: 300.
        using var a = JsonDocument.Parse(first.Stdout);
        using var b = JsonDocument.Parse(second.Stdout);
        a.RootElement.GetProperty("blocks")[0].GetProperty("totalValue").GetDouble().Should().Be(100);
        a.RootElement.GetProperty("blocks")[0].GetProperty("rows")[0].GetProperty("key").GetString().Should().Be("webinar");
        b.RootElement.GetProperty("blocks")[0].GetProperty("totalValue").GetDouble().Should().Be(200);
        b.RootElement.GetProperty("period").GetProperty("from").GetString().Should().Be("2026-03-01T00:00:00Z");
        a.RootElement.GetProperty("period").GetProperty("to").GetString().Should().Be("2026-03-01T00:00:00Z");
    }

    [Fact]
    public void Period_Table_PrintsThePeriodUnderTheHeading()
    {
        var run = CliRun.Of("attribute", "--input", PeriodFile(), "--model", "linear", "--from", "2026-03-01T00:00:00+01:00", "--to", "2026-04-01", "--format", "table").ShouldSucceed();

        // Midnight in UTC+1 is 23:00 UTC the day before.
        run.StdoutLines[1].Should().Be("Reporting period: conversions from 2026-02-28T23:00:00Z to 2026-04-01T00:00:00Z (exclusive).");
        run.StdoutLines[2].Should().Be("linear · order: 1 conversions worth 200.00");
    }

    [Theory]
    [InlineData(new[] { "--from", "March" }, "--from: 'March' is not a date")]
    [InlineData(new[] { "--to", "2026-03-01T00:00:00" }, "--to: '2026-03-01T00:00:00' is not a date")]
    [InlineData(new[] { "--from", "2026-04-01", "--to", "2026-03-01" }, "the period must end after it starts")]
    public void Period_BadDates_AreUsageErrors(string[] args, string fragment)
        => CliRun.Of(["attribute", "--input", funnel, "--model", "linear", .. args]).ShouldFail(2, fragment);

    [Fact]
    public void Funnel_CreditedConversionsPerStageAndTheRatioBetweenStages()
    {
        var run = CliRun.Of("attribute", "--input", funnel, "--model", "linear", "--stages", "lead,opportunity,order", "--funnel", "--format", "csv").ShouldSucceed();

        // linear, same-kind: lead → webinar, paid-search 1/2 each; opportunity → webinar, paid-search, events 1/3 each;
        // order → all four 1/4 each. webinar: 1/2 → 1/3 → 1/4, ratios (1/3)/(1/2) = 2/3 and (1/4)/(1/3) = 3/4.
        // email: 0 → 0 → 1/4: both ratios undefined (empty).
        run.StdoutLines[0].Should().Be("model,channel,lead,opportunity,order,opportunity/lead,order/opportunity");
        var rows = run.StdoutLines.Skip(1).Select(static l => l.Split(',')).ToDictionary(static f => f[1]);
        rows.Keys.Should().Equal("webinar", "paid-search", "events", "email");
        var webinar = rows["webinar"].Skip(2).Select(Number).ToArray();
        webinar.Should().Equal(new[] { 0.5, 1.0 / 3, 0.25, 2.0 / 3, 0.75 }, static (x, y) => Math.Abs(x - y) < 1e-12);
        rows["email"].Should().Equal("linear", "email", "0", "0", "0.25", "", "");
        var events = rows["events"].Skip(2).Take(3).Select(Number).ToArray();
        events.Should().Equal(new[] { 0, 1.0 / 3, 0.25 }, static (x, y) => Math.Abs(x - y) < 1e-12);
        rows["events"][5].Should().BeEmpty("events earned no lead");
    }

    [Fact]
    public void Funnel_WithoutStages_IsAUsageError()
        => CliRun.Of("attribute", "--input", funnel, "--model", "linear", "--funnel").ShouldFail(2, "--funnel needs --stages");

    [Fact]
    public void Stages_UnknownKind_IsAUsageErrorWithDidYouMean()
        => CliRun.Of("attribute", "--input", funnel, "--model", "linear", "--stages", "lead,oportunity,order")
            .ShouldFail(2, "--stages: conversion kind 'oportunity' does not occur", "(did you mean 'opportunity'?)");

    [Fact]
    public void Fit_SeveralKindsWithoutConversion_IsAUsageError()
        => CliRun.Of("fit", "--input", funnel, "--model", "markov", "--save", temp.File("m.json"))
            .ShouldFail(2, "the data has several conversion kinds (lead, opportunity, order)", "give --conversion KIND");

    [Fact]
    public void AttributeMarkov_SeveralKinds_EachKindCreditedByItsOwnChain()
    {
        // Journey x: search → lead → email → order; journey y: search, no conversion; journey z: email, no conversion.
        // Leads: converting path search (x); tails: email (x, after its lead), search (y), email (z).
        //   start → search 2, start → email 2; search → conv 1, search → null 1; email → null 2.
        //   RE(search) = 1, RE(email) = 0: the lead goes to search.
        // Orders (same-kind: x's order sees search and email): converting path search > email (x); tails: search (y), email (z).
        //   start → search 2, start → email 1; search → email 1, search → null 1; email → conv 1, email → null 1.
        //   P = 2/3 · 1/2 · 1/2 + 1/3 · 1/2 = 1/3; without search 1/6 → RE(search) = 1/2; without email 0 → RE(email) = 1.
        //   The order (90) splits 1/3 : 2/3 → search 30, email 60.
        // One chain of both kinds together would instead see search → lead as a conversion of search's and split differently.
        var path = temp.Write("two-kinds.csv",
            "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
            "x,2026-01-01T00:00:00Z,search,,,,\n" +
            "x,2026-01-02T00:00:00Z,,,lead,10,\n" +
            "x,2026-01-03T00:00:00Z,email,,,,\n" +
            "x,2026-01-04T00:00:00Z,,,order,90,\n" +
            "y,2026-01-01T00:00:00Z,search,,,,\n" +
            "z,2026-01-01T00:00:00Z,email,,,,\n");

        var run = CliRun.Of("attribute", "--input", path, "--model", "markov", "--format", "csv").ShouldSucceed();

        var rows = run.StdoutLines.Skip(1).Select(static l => l.Split(',')).ToDictionary(static f => f[1] + "/" + f[2], static f => Number(f[4]));
        rows["lead/search"].Should().BeApproximately(10, 1e-9);
        rows["lead/email"].Should().Be(0);
        rows["order/search"].Should().BeApproximately(30, 1e-9);
        rows["order/email"].Should().BeApproximately(60, 1e-9);
    }

    // Journey of the issue's worked check: a b c lead d e opportunity (value 1 each, so credit = share).
    private string MilestoneFile() => temp.Write("milestones.csv",
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
        "m,2026-01-01T00:00:00Z,a,,,,\n" +
        "m,2026-01-02T00:00:00Z,b,,,,\n" +
        "m,2026-01-03T00:00:00Z,c,,,,\n" +
        "m,2026-01-04T00:00:00Z,,,lead,,\n" +
        "m,2026-01-05T00:00:00Z,d,,,,\n" +
        "m,2026-01-06T00:00:00Z,e,,,,\n" +
        "m,2026-01-07T00:00:00Z,,,opportunity,,\n");

    private static Dictionary<string, double> Values(CliRun run, string kind)
        => run.StdoutLines.Skip(1).Select(static l => l.Split(',')).Where(f => f[1] == kind).ToDictionary(static f => f[2], static f => Number(f[4]));

    [Fact]
    public void WShaped_WorkedCheckOfTheIssue()
    {
        var run = CliRun.Of("attribute", "--input", MilestoneFile(), "--model", "w-shaped", "--stages", "lead,opportunity").ShouldSucceed();

        // Opportunity (stage 2): M0 = a, M1 = c (last touch before the lead), M2 = e: 0.3 each; b and d share 0.1 → 0.05 each.
        var opportunity = Values(run, "opportunity");
        opportunity["a"].Should().BeApproximately(0.3, 1e-12);
        opportunity["b"].Should().BeApproximately(0.05, 1e-12);
        opportunity["c"].Should().BeApproximately(0.3, 1e-12);
        opportunity["d"].Should().BeApproximately(0.05, 1e-12);
        opportunity["e"].Should().BeApproximately(0.3, 1e-12);
        // Lead (stage 1): M0 = a, M1 = c: 0.3 each, b 0.1 → scaled by 0.7: 3/7, 1/7, 3/7.
        var lead = Values(run, "lead");
        lead["a"].Should().BeApproximately(3.0 / 7, 1e-12);
        lead["b"].Should().BeApproximately(1.0 / 7, 1e-12);
        lead["c"].Should().BeApproximately(3.0 / 7, 1e-12);
    }

    [Fact]
    public void Milestones_CustomWeights_AStageLeftOutIsRest()
    {
        var run = CliRun.Of("attribute", "--input", MilestoneFile(), "--model", "milestones", "--stages", "lead,opportunity", "--milestone-weights", "first=0.5,opportunity=0.5,rest=0", "--conversion", "opportunity").ShouldSucceed();

        // The lead's milestone (c) has no weight, so it is rest, and rest weighs 0: a 0.5, e 0.5.
        var opportunity = Values(run, "opportunity");
        opportunity["a"].Should().Be(0.5);
        opportunity["e"].Should().Be(0.5);
        opportunity["c"].Should().Be(0);
    }

    [Theory]
    [InlineData(new[] { "--model", "w-shaped" }, "--model w-shaped: w-shaped credits funnel milestones and needs the funnel's stages (--stages")]
    [InlineData(new[] { "--model", "full-path" }, "--model full-path: full-path credits funnel milestones and needs the funnel's stages (--stages")]
    [InlineData(new[] { "--model", "milestones", "--stages", "lead,opportunity", "--milestone-weights", "first=0.3,leed=0.3" }, "--milestone-weights: 'leed' is neither first, rest nor a stage (did you mean 'lead'?)")]
    [InlineData(new[] { "--model", "linear", "--milestone-weights", "first=1" }, "--milestone-weights applies to --model milestones")]
    public void MilestoneModels_Mistakes_AreUsageErrors(string[] args, string fragment)
        => CliRun.Of(["attribute", "--input", MilestoneFile(), .. args]).ShouldFail(2, fragment);

    [Fact]
    public void JShapedAndInverseJ_Presets()
    {
        var path = temp.Write("three.csv",
            "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
            "x,2026-01-01T00:00:00Z,a,,,,\n" +
            "x,2026-01-02T00:00:00Z,b,,,,\n" +
            "x,2026-01-03T00:00:00Z,c,,,,\n" +
            "x,2026-01-04T00:00:00Z,,,order,100,\n");

        var run = CliRun.Of("attribute", "--input", path, "--model", "j-shaped", "--model", "inverse-j").ShouldSucceed();

        // j-shaped (0.2, 0.2, 0.6): a 20, b 20, c 60; inverse-j (0.6, 0.2, 0.2): a 60, b 20, c 20.
        // Rows of a block by value, then name; values compared to 1e-9 since 0.2 / (0.2 + 0.2 + 0.6) is not exact in binary.
        var rows = run.StdoutLines.Skip(1).Select(static l => l.Split(',')).ToArray();
        rows.Select(static f => $"{f[0]},{f[2]}").Should().Equal("j-shaped,c", "j-shaped,a", "j-shaped,b", "inverse-j,a", "inverse-j,b", "inverse-j,c");
        rows.Select(static f => Number(f[4])).Should().Equal(new[] { 60.0, 20, 20, 60, 20, 20 }, static (x, y) => Math.Abs(x - y) < 1e-9);
    }

    [Fact]
    public void MarkovAndChooseOrder_OnSeveralKinds_NeedOneConversionKind()
    {
        // Orders of the funnel file: one converting path webinar > paid-search > events > email, no non-converting tail
        // (the journey ends with its order): every removal effect is 1, so each channel gets 1/4 of the 1 conversion.
        var run = CliRun.Of("markov", "--input", funnel, "--conversion", "order", "--format", "csv").ShouldSucceed();

        run.StdoutLines.Skip(1).Select(static l => l.Split(',')).Should().OnlyContain(static f => Math.Abs(Number(f[1]) - 1) < 1e-12 && Math.Abs(Number(f[3]) - 0.25) < 1e-12);
        CliRun.Of("markov", "--input", funnel).ShouldFail(2, "give --conversion KIND");
        CliRun.Of("markov", "--input", funnel, "--conversion", "lead,order").ShouldFail(2, "--conversion: a fitted model learns the paths of one conversion kind");
    }

    [Fact]
    public void SavedModel_RecordsItsKind_AndCreditsOnlyThatKind()
    {
        var saved = temp.File("orders.json");
        CliRun.Of("fit", "--input", funnel, "--model", "markov", "--conversion", "order", "--save", saved).ShouldSucceed();

        var run = CliRun.Of("attribute", "--input", funnel, "--model-file", saved, "--model", "linear").ShouldSucceed();

        // The chain learnt orders only: its report has the order block alone (the one converting path, every removal
        // effect 1 → 1/4 each of 100,000); linear keeps all three kinds.
        var rows = run.StdoutLines.Skip(1).Select(static l => l.Split(',')).ToArray();
        rows.Where(static f => f[0] == "markov").Select(static f => f[1]).Distinct().Should().Equal("order");
        rows.Where(static f => f[0] == "markov").Should().OnlyContain(static f => Math.Abs(Number(f[4]) - 25000) < 1e-6);
        rows.Where(static f => f[0] == "linear").Select(static f => f[1]).Distinct().Should().Equal("lead", "opportunity", "order");
    }

    [Fact]
    public void Budget_SeveralKinds_NeedsOneConversionKind_AndPlansThatKindsValue()
    {
        // The budget issue's example (orders: A 400, B 100, email 50; A and B spent 100 each) plus a lead worth 1,000 on B.
        var events = temp.Write("budget.csv",
            "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
            "a,2025-01-01T00:00:00Z,A,,,,\n" +
            "a,2025-01-02T00:00:00Z,,,order,400,\n" +
            "b,2025-01-01T00:00:00Z,B,,,,\n" +
            "b,2025-01-02T00:00:00Z,,,order,100,\n" +
            "c,2025-01-01T00:00:00Z,email,,,,\n" +
            "c,2025-01-02T00:00:00Z,,,order,50,\n" +
            "d,2025-01-01T00:00:00Z,B,,,,\n" +
            "d,2025-01-02T00:00:00Z,,,lead,1000,\n");
        var spend = temp.Write("budget-spend.csv", "channel,campaign,date,cost\nA,,,100\nB,,,100\n");

        CliRun.Of("budget", "--input", events, "--model", "linear", "--spend", spend, "--budget", "200")
            .ShouldFail(2, "the data has several conversion kinds (order, lead) and a budget is planned for the value of one; give --conversion KIND.");

        var orders = CliRun.Of("budget", "--input", events, "--model", "linear", "--spend", spend, "--budget", "200", "--conversion", "order", "--format", "csv").ShouldSucceed();

        // Orders only, as in the budget issue: s ∝ (v0 / √s0)² = 40² : 10² → A = 3200/17, B = 200/17; the lead's 1,000 on B
        // is another kind and changes nothing.
        var a = orders.StdoutLines[1].Split(',');
        a[1].Should().Be("A");
        Number(a[4]).Should().BeApproximately(3200.0 / 17, 1e-9);
        var leads = CliRun.Of("budget", "--input", events, "--model", "linear", "--spend", spend, "--budget", "200", "--conversion", "lead", "--format", "csv").ShouldSucceed();

        // Leads: A earned none (stays at its minimum, 0), B earned 1,000 → all 200 to B.
        leads.StdoutLines.Should().Contain(static l => l.StartsWith("linear,B,100,1000,200,", StringComparison.Ordinal));
    }
}
