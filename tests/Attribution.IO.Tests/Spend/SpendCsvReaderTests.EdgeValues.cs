using System.Text;

namespace Attribution.IO.Tests.Spend;

/// <summary>Edge values and names in the spend CSV (issue 15).</summary>
public sealed partial class SpendCsvReaderTests
{
    [Theory]
    [InlineData("-0")]
    [InlineData("-0.00")]
    public void Read_NegativeZeroCost_IsZero(string cost)
    {
        var table = Read($"channel,cost\nsearch,{cost}\n");

        table.Total.Should().Be(0);
        double.IsNegative(table.ByChannel[0].Cost).Should().BeFalse();
    }

    [Fact]
    public void Read_NamesWithWhiteSpaceAround_AreTrimmedToOneName()
    {
        var table = Read("channel,campaign,cost\n search ,brand\u00A0,1\nsearch,\tbrand,2\n");

        // 1 + 2 = 3 on one channel and one campaign.
        table.ByChannel.Should().ContainSingle().Which.Cost.Should().Be(3);
        table.ByCampaign.Should().ContainSingle().Which.Key.Should().Be("brand");
    }

    [Theory]
    [InlineData("channel", "se\u0000arch,,1")]
    [InlineData("campaign", "search,br\u001Band,1")]
    public void Read_ControlCharacterInAName_IsRejectedWithLineAndColumn(string column, string row)
    {
        var error = ReadError("channel,campaign,cost\nsearch,,1\n" + row + "\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be(column);
        error.Message.Should().Contain("holds the control character U+00");
    }

    [Theory]
    [InlineData("channel", "(unattributed),,5", "(unattributed)")]
    [InlineData("campaign", "search,(none),5", "(none)")]
    [InlineData("campaign", "search, (total) ,5", "(total)")]
    public void Read_ChannelOrCampaignNamedLikeABuiltInRow_IsRejectedInsteadOfVanishing(string column, string row, string name)
    {
        var error = ReadError("channel,campaign,cost\n" + row + "\n");

        error.Line.Should().Be(2);
        error.Column.Should().Be(column);
        error.Message.Should().Be($"spend.csv:2: column '{column}': '{name}' is the key of a built-in row ((unattributed), (none), (total)); rename it in the data");
    }

    [Fact]
    public void Read_TabDelimited_HintsAtTheDelimiter()
    {
        var error = ReadError("channel\tcost\nsearch\t1\n");

        error.Message.Should().Contain("the file seems to be tab-delimited: set the delimiter option");
    }

    [Fact]
    public void Read_Utf16WithoutByteOrderMark_HintsAtTheEncoding()
    {
        var read = () => SpendCsvReader.Read(new MemoryStream(Encoding.Unicode.GetBytes("channel,cost\nsearch,1\n")), null, "spend.csv");

        read.Should().Throw<AttributionDataException>().Which.Message.Should().Contain("looks like UTF-16 (little-endian)");
    }

    [Fact]
    public void Read_CostsWhoseTotalOverflows_StopAtTheRowThatOverflows()
    {
        var error = ReadError("channel,cost\nsearch,1e308\nemail,1e308\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be("cost");
        error.Message.Should().Contain("brings the column's total above the largest number");
    }
}
