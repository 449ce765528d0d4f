using Attribution.IO.Internal;

namespace Attribution.IO.Tests.Internal;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+49 30", "'+49 30")]
    [InlineData("-x", "'-x")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=HYPERLINK(\"a\",\"b\")", "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"")]
    [InlineData("=a,b", "\"'=a,b\"")]
    [InlineData("email", "email")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void TextCell_GuardsFormulasThenQuotes(string field, string expected)
        => CsvText.TextCell(field).Should().Be(expected);

    [Theory]
    [InlineData("=1+1", "=1+1")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Quote_OnlyQuotes_SoMachineFilesRoundTrip(string field, string expected)
        => CsvText.Quote(field).Should().Be(expected);
}
