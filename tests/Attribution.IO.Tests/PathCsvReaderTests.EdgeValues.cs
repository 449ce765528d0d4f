namespace Attribution.IO.Tests;

/// <summary>Edge values and names in the path CSV (issue 15).</summary>
public sealed partial class PathCsvReaderTests
{
    [Fact]
    public void Read_NegativeZeroCounts_AreZero()
    {
        var paths = ReadText(Header + "search > email,-0,-0.00,3\n");

        paths.GetConversions(0).Should().Be(0);
        double.IsNegative(paths.GetConversions(0)).Should().BeFalse();
        double.IsNegative(paths.GetValue(0)).Should().BeFalse();
        paths.GetNulls(0).Should().Be(3);
    }

    [Fact]
    public void Read_CountCellOfSpaces_IsEmptyLikeInTheOtherReaders()
    {
        var error = ReadError(Header + "search,   ,0,1\n");

        error.Line.Should().Be(2);
        error.Column.Should().Be("total_conversions");
        error.Message.Should().EndWith("is empty; expected a finite number >= 0");
    }

    [Fact]
    public void Read_ChannelsWithWhiteSpaceAround_AreTrimmedToOneName()
    {
        // A tab and a no-break space trim like a space, as everywhere.
        var paths = ReadText(Header + "search >\temail\u00A0,1,0,0\nsearch,0,0,1\n");

        paths.Channels.Should().Equal("search", "email");
    }

    [Fact]
    public void Read_ControlCharacterInAChannel_IsRejectedWithLineAndColumn()
    {
        var error = ReadError(Header + "search,1,0,0\nsea\u0000rch > email,1,0,0\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be("path");
        error.Message.Should().EndWith("holds the control character U+0000; names may not hold control characters");
    }

    [Theory]
    [InlineData("(unattributed)")]
    [InlineData("(none)")]
    [InlineData("(total)")]
    public void Read_ChannelNamedLikeABuiltInRow_IsRejectedWithLineAndColumn(string name)
    {
        var error = ReadError(Header + $"search > {name},1,0,0\n");

        error.Line.Should().Be(2);
        error.Column.Should().Be("path");
        error.Message.Should().Be($"paths.csv:2: column 'path': '{name}' is the key of a built-in row ((unattributed), (none), (total)); rename it in the data");
    }

    [Fact]
    public void Read_SemicolonDelimited_HintsAtTheDelimiter()
    {
        var error = ReadError("path;total_conversions\nsearch;1\n");

        error.Line.Should().Be(1);
        error.Message.Should().Contain("the file seems to be ';'-delimited: set the delimiter option");
    }

    [Fact]
    public void Read_GzipCutShort_IsADataErrorSayingSo()
    {
        var read = () => PathCsvReader.Read(new MemoryStream([0x1F, 0x8B, 0x08, 0x00, 0x00]), null, "paths.csv.gz");

        read.Should().Throw<AttributionDataException>().Which.Message.Should().StartWith("paths.csv.gz: the gzip data is corrupt: ");
    }

    [Fact]
    public void Read_CountsWhoseTotalOverflows_StopAtTheRowThatOverflows()
    {
        // The same path twice would merge into 1e308 + 1e308 = infinity.
        var error = ReadError(Header + "search,1e308,0,0\nsearch,1e308,0,0\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be("total_conversions");
        error.Message.Should().Contain("brings the column's total above the largest number");
    }
}
