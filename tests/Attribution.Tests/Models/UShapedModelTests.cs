using Attribution.Models;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Models;

public sealed class UShapedModelTests
{
    public static TheoryData<int, double[]> DefaultRatios => new()
    {
        // n = 1: [1]. n = 2: [0.4/0.8, 0.4/0.8]. n ≥ 3: 0.4, then 0.2/(n − 2) each, then 0.4.
        { 1, [1] },
        { 2, [0.5, 0.5] },
        { 3, [0.4, 0.2, 0.4] },
        { 4, [0.4, 0.1, 0.1, 0.4] },
        { 5, [0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4] },
    };

    public static TheoryData<int, double[]> CustomRatios => new()
    {
        // f = 0.3, m = 0.5, l = 0.2. n = 2: [0.3/0.5, 0.2/0.5] = [0.6, 0.4]. n = 4: 0.3, 0.5/2, 0.5/2, 0.2.
        { 1, [1] },
        { 2, [0.6, 0.4] },
        { 3, [0.3, 0.5, 0.2] },
        { 4, [0.3, 0.25, 0.25, 0.2] },
    };

    [Theory]
    [MemberData(nameof(DefaultRatios))]
    public void Attribute_DefaultRatios(int n, double[] expected)
        => Shares(AttributionModels.UShaped(), Touches(n)).Should().Equal(expected, Close);

    [Theory]
    [MemberData(nameof(CustomRatios))]
    public void Attribute_CustomRatios(int n, double[] expected)
    {
        var model = AttributionModels.UShaped(new UShapedModelOptions { First = 0.3, Middle = 0.5, Last = 0.2 });

        Shares(model, Touches(n)).Should().Equal(expected, Close);
    }

    [Fact]
    public void Attribute_NoShareForTheEnds_TwoTouchesSplitEvenly()
    {
        // f + l = 0 leaves nothing to scale for two touches; the documented fallback is an even split.
        var model = AttributionModels.UShaped(new UShapedModelOptions { First = 0, Middle = 1, Last = 0 });

        Shares(model, Touches(2)).Should().Equal(0.5, 0.5);
        Shares(model, Touches(3)).Should().Equal(0, 1, 0);
    }

    [Fact]
    public void Attribute_PositionBasedAlias_IsTheSameModel()
    {
        var model = AttributionModels.Create("position-based");

        model.Name.Should().Be("u-shaped");
        Shares(model, Touches(4)).Should().Equal([0.4, 0.1, 0.1, 0.4], Close);
    }

    [Theory]
    [InlineData(-0.1, 0.7, 0.4, "options.First")]
    [InlineData(0.4, double.NaN, 0.4, "options.Middle")]
    [InlineData(0.4, 0.2, double.PositiveInfinity, "options.Last")]
    [InlineData(0.4, 0.2, 0.5, "options")]
    [InlineData(0.3, 0.2, 0.3, "options")]
    [InlineData(0.4, 0.2, 0.4 + 2e-9, "options")]
    public void UShaped_BadRatios_ThrowNamingThem(double first, double middle, double last, string param)
    {
        var act = () => AttributionModels.UShaped(new UShapedModelOptions { First = first, Middle = middle, Last = last });

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(param);
    }

    [Fact]
    public void UShaped_SumWithinTolerance_IsAccepted()
    {
        // 0.4 + 0.2 + (0.4 + 5e-10) is 1 + 5e-10: inside the ±1e-9 tolerance.
        var act = () => AttributionModels.UShaped(new UShapedModelOptions { First = 0.4, Middle = 0.2, Last = 0.4 + 5e-10 });

        act.Should().NotThrow();
    }

    [Fact]
    public void Options_Defaults_AreFortyTwentyForty()
    {
        var options = new UShapedModelOptions();

        (options.First, options.Middle, options.Last).Should().Be((0.4, 0.2, 0.4));
    }
}
