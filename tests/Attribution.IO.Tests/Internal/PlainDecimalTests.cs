using System.Globalization;
using System.Text;
using Attribution.IO.Internal;
using CsCheck;

namespace Attribution.IO.Tests.Internal;

public sealed class PlainDecimalTests
{
    [Theory]
    [InlineData("121.77", 121.77)]
    [InlineData("0", 0.0)]
    [InlineData("007", 7.0)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("9007199254740992", 9007199254740992.0)]
    [InlineData("0.1", 0.1)]
    public void TryParse_PlainDecimal_GivesTheParsedDouble(string text, double expected)
    {
        PlainDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var value).Should().BeTrue();

        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("-3")]
    [InlineData("+3")]
    [InlineData("1e2")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1.2.3")]
    [InlineData("9007199254740993")]
    [InlineData("12345678901234567890")]
    [InlineData("1.00000000000000000000001")]
    public void TryParse_AnythingElse_LeavesItToTheGeneralParser(string text)
        => PlainDecimal.TryParse(Encoding.ASCII.GetBytes(text), out _).Should().BeFalse();

    [Fact]
    public void TryParse_AnyDigitsAndPoint_AgreesWithDoubleParse()
        => Gen.Select(Gen.ULong[0, 1UL << 53], Gen.Int[0, 22]).Sample((mantissa, scale) =>
        {
            var digits = mantissa.ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
            var text = scale == 0 ? digits : digits.Insert(digits.Length - scale, ".");

            // Leading zeros count as digits too: past 19 the fast path declines, and the general parser answers.
            var accepted = PlainDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var value);
            accepted.Should().Be(digits.Length <= 19, text);
            if (accepted)
            {
                value.Should().Be(double.Parse(text, CultureInfo.InvariantCulture), text);
            }
        });
}
