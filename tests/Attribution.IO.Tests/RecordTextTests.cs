using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Attribution.Engine;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.IO.Tests;

public sealed class RecordTextTests
{
    [Fact]
    public void RecordWithLists_PrintsItems_NotTheListsTypeName()
    {
        var row = new FunnelRow("email", [1, 2.5], [2.5, null]);

        row.ToString().Should().Be("FunnelRow { Channel = email, Conversions = [1, 2.5], Ratios = [2.5, null] }");
    }

    [Fact]
    public void RecordWithComputedMembers_PrintsThemToo()
    {
        // ROAS 400 / 100 = 4, ROI (400 − 100) / 100 = 3, CPA 100 / 2 = 50.
        var line = new SpendReturn("linear", "search", ["search"], 100, 2, 400);

        line.ToString().Should().Be("SpendReturn { Model = linear, Key = search, Channels = [search], Spend = 100, Conversions = 2, Value = 400, Kind = conversion, HasSpendLine = True, Roas = 4, Roi = 3, Cpa = 50, IsSpendWithoutCredit = False }");
    }

    [Fact]
    public void Dictionary_PrintsKeyEqualsValue()
    {
        var options = new ChannelWeightsModelOptions { Weights = new Dictionary<string, double> { ["email"] = 2, ["display"] = 0.5 } };

        options.ToString().Should().Be("ChannelWeightsModelOptions { Weights = { email = 2, display = 0.5 }, DefaultWeight = 1 }");
    }

    [Fact]
    public void LongList_IsCutAfterTwentyItems()
    {
        var total = new SpendTotal("k", [.. Enumerable.Range(1, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], 1);

        total.ToString().Should().Be("SpendTotal { Key = k, Channels = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, …], Cost = 1 }");
    }

    [Fact]
    public void EveryPublicRecordHoldingACollection_PrintsItsItems()
    {
        // A record's compiler-made PrintMembers writes a list as its type name; every public record with a collection
        // member must bring its own (RecordText.Print). New records are caught here.
        var offenders = new List<string>();
        foreach (var type in typeof(AttributionEngine).Assembly.GetExportedTypes().Concat(typeof(EventLogCsvReader).Assembly.GetExportedTypes()))
        {
            var printMembers = type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
            if (printMembers is null)
            {
                continue;
            }

            var holdsCollection = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Any(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType));
            // A record may also write its own ToString (the explanations print the arithmetic as text).
            var toString = type.GetMethod(nameof(ToString), BindingFlags.Instance | BindingFlags.Public, Type.EmptyTypes);
            var ownText = toString?.DeclaringType == type && toString.GetCustomAttribute<CompilerGeneratedAttribute>() is null;
            if (holdsCollection && !ownText && printMembers.GetCustomAttribute<CompilerGeneratedAttribute>() is not null)
            {
                offenders.Add(type.FullName!);
            }
        }

        offenders.Should().BeEmpty();
    }
}
