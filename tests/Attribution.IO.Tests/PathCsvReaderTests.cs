using System.Text;
using Attribution.DataDriven;

namespace Attribution.IO.Tests;

public sealed partial class PathCsvReaderTests
{
    private const string Header = "path,total_conversions,total_conversion_value,total_null\n";

    private static PathSet ReadText(string csv, PathCsvOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return PathCsvReader.Read(stream, options, "paths.csv");
    }

    private static AttributionDataException ReadError(string csv, PathCsvOptions? options = null)
    {
        var act = () => ReadText(csv, options);
        return act.Should().Throw<AttributionDataException>().Which;
    }

    private static string[] Path(PathSet paths, int index)
    {
        var ids = paths.GetPath(index);
        var names = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            names[i] = paths.Channels[ids[i]];
        }

        return names;
    }

    [Fact]
    public void Read_ChannelAttributionFormat_WithAndWithoutSpaces()
    {
        var paths = ReadText(Header + """
            a > b > c,3,30.5,7
            a>b,1,10,0
            "c",0,0,4
            """);

        paths.Count.Should().Be(3);
        paths.Channels.Should().Equal("a", "b", "c");
        Path(paths, 0).Should().Equal("a", "b", "c");
        Path(paths, 1).Should().Equal("a", "b");
        Path(paths, 2).Should().Equal("c");
        paths.GetConversions(0).Should().Be(3);
        paths.GetValue(0).Should().Be(30.5);
        paths.GetNulls(0).Should().Be(7);
        paths.GetNulls(2).Should().Be(4);
        // 3 + 1 + 0 conversions, 30.5 + 10 + 0 value, 7 + 0 + 4 nulls.
        paths.TotalConversions.Should().Be(4);
        paths.TotalValue.Should().Be(40.5);
        paths.TotalNulls.Should().Be(11);
    }

    [Fact]
    public void Read_SamePathWrittenTwoWays_MergesCounts()
    {
        var paths = ReadText(Header + "a > b,1,5,2\n a>b ,2,7,1\n");

        paths.Count.Should().Be(1);
        paths.GetConversions(0).Should().Be(3);
        paths.GetValue(0).Should().Be(12);
        paths.GetNulls(0).Should().Be(3);
    }

    [Fact]
    public void Read_ColumnsInAnyOrderAndCase_ExtraColumnsIgnored()
    {
        var paths = ReadText(" Total_Null ,note,PATH,total_conversions,total_conversion_value\n2,hello,x > y,1.5,9\n");

        Path(paths, 0).Should().Equal("x", "y");
        paths.GetConversions(0).Should().Be(1.5);
        paths.GetValue(0).Should().Be(9);
        paths.GetNulls(0).Should().Be(2);
    }

    [Fact]
    public void Read_WithoutValueAndNullColumns_CountsThemAsZero()
    {
        var paths = ReadText("path,total_conversions\na > b,4\n");

        paths.GetConversions(0).Should().Be(4);
        paths.GetValue(0).Should().Be(0);
        paths.GetNulls(0).Should().Be(0);
    }

    [Fact]
    public void Read_ConfigurableNamesDelimiterAndSeparator()
    {
        var options = new PathCsvOptions
        {
            Delimiter = ';',
            PathSeparator = "|",
            PathColumn = "journey",
            ConversionsColumn = "conv",
            ValueColumn = "revenue",
            NullsColumn = "lost",
        };

        var paths = ReadText("journey;conv;revenue;lost\nsearch | a>b | email;2;3.25;1\n", options);

        // With '|' as the separator, '>' is part of a channel name.
        Path(paths, 0).Should().Equal("search", "a>b", "email");
        paths.GetConversions(0).Should().Be(2);
        paths.GetValue(0).Should().Be(3.25);
        paths.GetNulls(0).Should().Be(1);
    }

    [Fact]
    public void Read_MultiCharacterSeparator()
    {
        var paths = ReadText("path,total_conversions\nsearch -> e-mail -> direct,1\n", new PathCsvOptions { PathSeparator = "->" });

        Path(paths, 0).Should().Equal("search", "e-mail", "direct");
    }

    [Fact]
    public void Read_File_NamesTheFileInErrors()
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"paths-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, Header + "a,1,1,x\n");
        try
        {
            var act = () => PathCsvReader.Read(file);
            act.Should().Throw<AttributionDataException>().Which.Message.Should().Be($"{file}:2: column 'total_null': 'x' is not a number; expected a finite number >= 0");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Read_EmptyPath_NamesLineAndColumn()
    {
        var error = ReadError(Header + "a,1,1,1\n  ,1,1,1\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be("path");
        error.Message.Should().Be("paths.csv:3: column 'path': is empty; every row needs a path of at least one channel");
    }

    [Theory]
    [InlineData("a >  > b", 2)]
    [InlineData("> a", 1)]
    [InlineData("a > b >", 3)]
    public void Read_EmptyChannel_NamesStep(string path, int step)
    {
        var error = ReadError(Header + path + ",1,1,1\n");

        error.Line.Should().Be(2);
        error.Column.Should().Be("path");
        error.Message.Should().Be($"paths.csv:2: column 'path': '{path}' has an empty channel at step {step}; channels are joined by '>'");
    }

    [Theory]
    [InlineData("x,1,1", "total_conversions", "'x' is not a number")]
    [InlineData("-1,1,1", "total_conversions", "'-1' is negative")]
    [InlineData("1,NaN,1", "total_conversion_value", "'NaN' is not finite")]
    [InlineData("1,1e999,1", "total_conversion_value", "'1e999' is not finite")]
    [InlineData("1,1,-0.5", "total_null", "'-0.5' is negative")]
    [InlineData(",1,1", "total_conversions", "is empty")]
    [InlineData("1,1,", "total_null", "is empty")]
    public void Read_BadCount_NamesLineAndColumn(string counts, string column, string expected)
    {
        var error = ReadError(Header + "a,1,1,1\n\nb," + counts + "\n");

        // Line 3 is empty and skipped, but still counted.
        error.Line.Should().Be(4);
        error.Column.Should().Be(column);
        error.Message.Should().Be($"paths.csv:4: column '{column}': {expected}; expected a finite number >= 0");
    }

    [Fact]
    public void Read_WrongFieldCount_NamesLine()
    {
        var error = ReadError(Header + "a,1,1,1\nb,1,1\n");

        error.Line.Should().Be(3);
        error.Column.Should().BeNull();
        error.Message.Should().Be("paths.csv:3: the row has 3 fields but the header has 4");
    }

    [Fact]
    public void Read_MissingRequiredColumn_NamesIt()
    {
        var error = ReadError("path,total_conversion_value\na,1\n");

        error.Line.Should().Be(1);
        error.Column.Should().Be("total_conversions");
        error.Message.Should().StartWith("paths.csv:1: column 'total_conversions': the header has no 'total_conversions' column");
    }

    [Fact]
    public void Read_DuplicateColumn_IsAnError()
    {
        var error = ReadError("path,total_conversions,PATH\na,1,b\n");

        error.Message.Should().Be("paths.csv:1: column 'PATH': the header names column 'PATH' twice (columns 1 and 3)");
    }

    [Fact]
    public void Read_EmptyInput_SaysSo()
    {
        var error = ReadError(string.Empty);

        error.Line.Should().Be(1);
        error.Message.Should().StartWith("paths.csv:1: the input is empty");
    }

    [Fact]
    public void Read_HeaderOnly_GivesNoPaths()
    {
        var paths = ReadText(Header);

        paths.Count.Should().Be(0);
        paths.TotalConversions.Should().Be(0);
    }

    [Fact]
    public void Read_InvalidUtf8Channel_NamesLineAndColumn()
    {
        var bytes = Encoding.UTF8.GetBytes(Header).Concat(new byte[] { (byte)'a', 0xFF, (byte)',', (byte)'1', (byte)',', (byte)'1', (byte)',', (byte)'1', (byte)'\n' }).ToArray();
        using var stream = new MemoryStream(bytes);

        var act = () => PathCsvReader.Read(stream, null, "paths.csv");

        act.Should().Throw<AttributionDataException>().Which.Message.Should().Be("paths.csv:2: column 'path': is not valid UTF-8");
    }

    [Theory]
    [InlineData('"')]
    [InlineData('é')]
    public void Read_BadDelimiter_IsAnArgumentError(char delimiter)
    {
        var act = () => ReadText(Header, new PathCsvOptions { Delimiter = delimiter });

        act.Should().Throw<ArgumentException>().WithMessage("The delimiter must be*");
    }

    [Fact]
    public void Read_BlankSeparatorOrSameColumnTwice_IsAnArgumentError()
    {
        var blank = () => ReadText(Header, new PathCsvOptions { PathSeparator = " " });
        var twice = () => ReadText(Header, new PathCsvOptions { NullsColumn = "PATH" });

        blank.Should().Throw<ArgumentException>().WithMessage("The path separator must not be empty*");
        twice.Should().Throw<ArgumentException>().WithMessage("Two columns are both named 'PATH'.*");
    }
}
