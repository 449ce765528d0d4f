using Attribution.Journeys;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Journeys;

public sealed class ConversionTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1.0)]
    [InlineData(-1e-300)]
    public void Constructor_ValueNotFiniteOrNegative_ThrowsNamingValue(double value)
    {
        var act = () => new Conversion(T0, value);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("value");
    }

    [Fact]
    public void Constructor_NegativeValue_IsOutOfRange()
    {
        var act = () => new Conversion(T0, -5);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("value");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_BlankKind_ThrowsNamingKind(string kind)
    {
        var act = () => new Conversion(T0, 1, kind);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("kind");
    }

    [Fact]
    public void Constructor_Defaults_CountOneConversionOfDefaultKind()
    {
        var conversion = new Conversion(T0);

        conversion.Value.Should().Be(1);
        conversion.Kind.Should().Be(Conversion.DefaultKind).And.Be("conversion");
        conversion.Id.Should().BeNull();
    }

    [Fact]
    public void Constructor_ZeroValueAndBlankId_AreAccepted()
    {
        var conversion = new Conversion(T0, 0, "lead", " ");

        conversion.Value.Should().Be(0);
        conversion.Kind.Should().Be("lead");
        conversion.Id.Should().BeNull();
    }

    [Fact]
    public void Equality_IsByValue()
    {
        new Conversion(T0, 120, "order", "o-1").Should().Be(new Conversion(T0, 120, "order", "o-1"));
        new Conversion(T0, 120, "order", "o-1").Should().NotBe(new Conversion(T0, 121, "order", "o-1"));
    }

    [Fact]
    public void Constructor_NegativeZeroValue_IsZero()
    {
        var conversion = new Conversion(T0, -0.0);

        conversion.Value.Should().Be(0);
        double.IsNegative(conversion.Value).Should().BeFalse("-0 is stored as +0");
        conversion.Should().Be(new Conversion(T0, 0));
    }
}
