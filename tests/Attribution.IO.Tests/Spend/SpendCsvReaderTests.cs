using System.Text;
using Attribution.Reports;

namespace Attribution.IO.Tests.Spend;

public sealed partial class SpendCsvReaderTests
{
    private static SpendTable Read(string csv, SpendCsvOptions? options = null)
        => SpendCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), options, "spend.csv");

    private static AttributionDataException ReadError(string csv, SpendCsvOptions? options = null)
    {
        var read = () => Read(csv, options);
        return read.Should().Throw<AttributionDataException>().Which;
    }

    [Fact]
    public void Read_AllColumnsAnyOrderAndCase_BuildsTheTable()
    {
        var table = Read(
            " Cost ,Channel,campaign,DATE\n" +
            "120.5,search,brand,2026-03-01\n" +
            "30,search,,\n" +
            "0,email,news,2026-03-02\n",
            new SpendCsvOptions { Currency = "EUR" });

        // search: 120.5 + 30 = 150.5; email 0; campaign brand 120.5, news 0.
        table.Currency.Should().Be("EUR");
        table.Lines.Should().Equal(
            new SpendLine("search", "brand", new DateOnly(2026, 3, 1), 120.5),
            new SpendLine("search", null, null, 30),
            new SpendLine("email", "news", new DateOnly(2026, 3, 2), 0));
        table.GetChannelSpend("search").Should().Be(150.5);
        table.GetCampaignSpend("brand").Should().Be(120.5);
    }

    [Fact]
    public void Read_OnlyRequiredColumns_Works()
    {
        var table = Read("channel,cost\nsocial,80\n");

        table.ByChannel.Should().ContainSingle().Which.Cost.Should().Be(80);
        table.Currency.Should().BeNull();
    }

    [Fact]
    public void Read_CurrencyColumn_NamesTheCurrency_AndMustBeTheSameOnEveryRow()
    {
        Read("channel,cost,currency\na,1,usd\nb,2,\n").Currency.Should().Be("usd");

        var error = ReadError("channel,cost,currency\na,1,USD\nb,2,EUR\n");

        error.Message.Should().Be("spend.csv:3: column 'currency': 'EUR' differs from the file's currency 'USD'; a spend file holds one currency");
    }

    [Fact]
    public void Read_CurrencyColumnDisagreesWithOption_Throws()
    {
        var error = ReadError("channel,cost,currency\na,1,USD\n", new SpendCsvOptions { Currency = "EUR" });

        error.Line.Should().Be(2);
        error.Column.Should().Be("currency");
    }

    [Theory]
    [InlineData("-1", "'-1' is negative; a cost must be a finite number >= 0 such as 120.50")]
    [InlineData("abc", "'abc' is not a number; a cost must be a finite number >= 0 such as 120.50")]
    [InlineData("", "'' is not a number; a cost must be a finite number >= 0 such as 120.50")]
    [InlineData("NaN", "'NaN' is not finite; a cost must be a finite number >= 0 such as 120.50")]
    [InlineData("1,5", "the row has 4 fields but the header has 3")]
    public void Read_BadCost_NamesLineAndColumn(string cost, string expected)
    {
        var error = ReadError($"channel,campaign,cost\nsearch,brand,10\nsearch,brand,{cost}\n");

        error.Line.Should().Be(3);
        error.Message.Should().EndWith(expected);
        if (!expected.StartsWith("the row", StringComparison.Ordinal))
        {
            error.Column.Should().Be("cost");
        }
    }

    [Fact]
    public void Read_EmptyChannel_NamesTheColumn()
    {
        var error = ReadError("channel,cost\n ,10\n");

        error.Message.Should().Be("spend.csv:2: column 'channel': is empty; every spend row needs a channel");
    }

    [Fact]
    public void Read_BadDate_NamesTheColumn()
    {
        var error = ReadError("channel,cost,date\na,1,01/03/2026\n");

        error.Message.Should().Be("spend.csv:2: column 'date': '01/03/2026' is not an ISO date such as 2026-03-01");
    }

    [Theory]
    [InlineData("", null, "the input is empty; expected a header row naming the columns channel and cost")]
    [InlineData("channel,amount\n", "cost", "the header has no 'cost' column; required columns are channel and cost")]
    [InlineData("channel,cost,Channel\n", "channel", "the header names column 'channel' twice (columns 1 and 3)")]
    public void Read_BadHeader_NamesLineOne(string csv, string? column, string expected)
    {
        var error = ReadError(csv);

        error.Line.Should().Be(1);
        error.Column.Should().Be(column);
        error.Message.Should().EndWith(expected);
    }

    [Fact]
    public void Read_File_UsesThePathInErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"spend-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "channel,cost\na,-2\n");
        try
        {
            var read = () => SpendCsvReader.Read(path);

            read.Should().Throw<AttributionDataException>().Which.SourceName.Should().Be(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
